import { RestError } from "@/rest/respond/rest-error";
import type { FunctionInfo } from "@/rest/schema-cache/types";

/**
 * PGRST202 worded as PostgREST 12 words it: the argument names tried (sorted), what was searched for, and a
 * suggestion: the closest overload's parameters when the name exists, else the closest function name.
 */
export function functionNotFound(
  schema: string,
  name: string,
  argumentKeys: string[],
  available: Map<string, FunctionInfo[]>,
  jsonBody: boolean,
): RestError {
  const keys = [...argumentKeys].sort();
  const qualified = `${schema}.${name}`;
  const params = keys.length === 0 ? " without parameters" : ` with parameter${keys.length > 1 ? "s" : ""} ${keys.join(", ")}`;
  return new RestError(404, {
    code: "PGRST202",
    message: `Could not find the function ${qualified}${keys.length === 0 ? " without parameters" : `(${keys.join(", ")})`} in the schema cache`,
    details: `Searched for the function ${qualified}${params}${jsonBody ? " or with a single unnamed json/jsonb parameter" : ""}, but no matches were found in the schema cache.`,
    hint: suggestion(schema, name, keys, available),
  });
}

/** PGRST203: several overloads take the same argument names, so PostgreSQL could not tell them apart either. */
export function ambiguousFunction(candidates: FunctionInfo[]): RestError {
  const signatures = candidates.map(
    (fn) => `${fn.schema}.${fn.name}(${fn.params.map((p) => (p.name ? `${p.name} => ${p.type}` : p.type)).join(", ")})`,
  );
  return new RestError(300, {
    code: "PGRST203",
    message: `Could not choose the best candidate function between: ${signatures.join(", ")}`,
    hint: "Try renaming the parameters or the function itself in the database so function overloading can be resolved",
  });
}

function suggestion(schema: string, name: string, keys: string[], available: Map<string, FunctionInfo[]>): string | null {
  const overloads = available.get(name);
  if (overloads && overloads.length > 0) {
    const closest = [...overloads].sort((a, b) => overlap(b, keys) - overlap(a, keys))[0];
    if (!closest) return null;
    return `Perhaps you meant to call the function ${schema}.${name}(${closest.params.map((p) => p.name).join(", ")})`;
  }
  let best: { name: string; score: number } | null = null;
  for (const candidate of available.keys()) {
    const score = similarity(name, candidate);
    if (score >= 0.5 && (best === null || score > best.score)) best = { name: candidate, score };
  }
  return best ? `Perhaps you meant to call the function ${schema}.${best.name}` : null;
}

const overlap = (fn: FunctionInfo, keys: string[]) => fn.params.filter((p) => keys.includes(p.name)).length;

/** 1 − edit distance / longer length: enough to catch a typo without suggesting unrelated names. */
function similarity(a: string, b: string): number {
  const previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = previous[0] ?? 0;
    previous[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = previous[j] ?? 0;
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      previous[j] = Math.min(above + 1, (previous[j - 1] ?? 0) + 1, diagonal + cost);
      diagonal = above;
    }
  }
  return 1 - (previous[b.length] ?? 0) / Math.max(a.length, b.length, 1);
}
