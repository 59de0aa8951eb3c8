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
  const params =
    keys.length === 0 ? " without parameters" : ` with parameter${keys.length > 1 ? "s" : ""} ${keys.join(", ")}`;
  return new RestError(404, {
    code: "PGRST202",
    message: `Could not find the function ${qualified}${keys.length === 0 ? " without parameters" : `(${keys.join(", ")})`} in the schema cache`,
    details: `Searched for the function ${qualified}${params}${jsonBody ? " or with a single unnamed json/jsonb parameter" : ""}, but no matches were found in the schema cache.`,
    hint: suggestion(schema, name, keys, available),
  });
}

/** PGRST202 under `Prefer: params=single-object`, worded as PostgREST words it (no suggestion). */
export function singleObjectFunctionNotFound(schema: string, name: string): RestError {
  const qualified = `${schema}.${name}`;
  return new RestError(404, {
    code: "PGRST202",
    message: `Could not find the function ${qualified} in the schema cache`,
    details: `Searched for the function ${qualified} with a single json/jsonb parameter, but no matches were found in the schema cache.`,
    hint: null,
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

function suggestion(
  schema: string,
  name: string,
  keys: string[],
  available: Map<string, FunctionInfo[]>,
): string | null {
  const overloads = available.get(name) ?? [];
  const listOf = (names: string[]) => `(${[...names].sort().join(", ")})`;
  const [only] = overloads;
  // As PostgREST: one function of that name is suggested as is; among overloads, the closest parameter
  // list (fuzzy, or nothing); an unknown name, the closest function name.
  if (only && overloads.length === 1)
    return `Perhaps you meant to call the function ${schema}.${name}${listOf(only.params.map((p) => p.name))}`;
  if (overloads.length > 1) {
    const best = closest(
      listOf(keys),
      overloads.map((fn) => listOf(fn.params.map((p) => p.name))),
      0.33,
    );
    return best === null ? null : `Perhaps you meant to call the function ${schema}.${name}${best}`;
  }
  const best = closest(name, [...available.keys()], 0.5);
  return best === null ? null : `Perhaps you meant to call the function ${schema}.${best}`;
}

function closest(wanted: string, candidates: string[], minimum: number): string | null {
  let best: { value: string; score: number } | null = null;
  for (const value of candidates) {
    const score = similarity(wanted, value);
    if (score >= minimum && (best === null || score > best.score)) best = { value, score };
  }
  return best?.value ?? null;
}

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
