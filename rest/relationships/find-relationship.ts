import { RestError } from "@/rest/respond/rest-error";
import type { Relationship } from "./types";

export type EmbedRequest = { schema: string; source: string; target: string; hint: string | null };

/**
 * The one relationship an embed `target!hint(...)` names from `source`, or PostgREST's errors: PGRST200 when
 * nothing matches, PGRST201 (300 Multiple Choices, candidates in `details`) when several do. A hint may name the
 * foreign key constraint, one of its columns, or the junction table of a many-to-many.
 */
export function findRelationship(relationships: Relationship[], request: EmbedRequest): Relationship {
  const candidates = relationships.filter(
    (r) => r.source === request.source && (r.target === request.target || namedBy(r, request.target)),
  );
  const matching =
    request.hint === null ? candidates : candidates.filter((r) => matchesHint(r, request.hint as string));
  if (matching.length === 1) return matching[0] as Relationship;
  if (matching.length === 0) throw notFound(relationships, request);
  throw ambiguous(matching, request);
}

function matchesHint(relationship: Relationship, hint: string): boolean {
  if (relationship.kind === "junction") {
    return (
      hint === relationship.junction || hint === relationship.sourceConstraint || hint === relationship.targetConstraint
    );
  }
  return hint === relationship.constraint || hint === foreignKeyColumn(relationship);
}

/**
 * PostgREST also takes a foreign key's constraint name (`client(*)`) or, from the table holding it, its single
 * column (`client_id(*)`) as the embed target instead of the table name.
 */
function namedBy(relationship: Relationship, target: string): boolean {
  if (relationship.kind === "junction") return false;
  if (target === relationship.constraint) return true;
  return holdsForeignKey(relationship) && target === foreignKeyColumn(relationship);
}

/** The source holds the key: many-to-one, or the referencing side of a one-to-one (self references included). */
const holdsForeignKey = (relationship: Relationship & { kind: "direct" }) =>
  relationship.cardinality === "many-to-one" ||
  (relationship.cardinality === "one-to-one" && relationship.constraintTable === relationship.source);

/** The referencing column of a single-column foreign key (on whichever side holds it), else null. */
function foreignKeyColumn(relationship: Relationship & { kind: "direct" }): string | null {
  const [only, ...more] = relationship.columns;
  if (!only || more.length > 0) return null;
  return holdsForeignKey(relationship) ? only.source : only.target;
}

function notFound(relationships: Relationship[], request: EmbedRequest): RestError {
  const using = request.hint === null ? "" : ` using the hint '${request.hint}'`;
  // Never "Perhaps you meant 'x' instead of 'x'" when only the hint missed.
  const nearby = relationships
    .filter((r) => r.source === request.source && r.target !== request.target)
    .map((r) => r.target);
  const suggestion = closest(request.target, nearby);
  return new RestError(400, {
    code: "PGRST200",
    message: `Could not find a relationship between '${request.source}' and '${request.target}' in the schema cache`,
    details: `Searched for a foreign key relationship between '${request.source}' and '${request.target}'${using} in the schema '${request.schema}', but no matches were found.`,
    hint: suggestion ? `Perhaps you meant '${suggestion}' instead of '${request.target}'.` : null,
  });
}

function ambiguous(matching: Relationship[], request: EmbedRequest): RestError {
  const hints = matching.map((r) => `'${request.target}!${r.kind === "junction" ? r.junction : r.constraint}'`);
  return new RestError(300, {
    code: "PGRST201",
    message: `Could not embed because more than one relationship was found for '${request.source}' and '${request.target}'`,
    details: matching.map((r) => ({
      cardinality: r.cardinality,
      embedding: `${request.source} with ${request.target}`,
      relationship: describe(r),
    })),
    hint: `Try changing '${request.target}' to one of the following: ${hints.join(", ")}. Find the desired relationship in the 'details' key.`,
  });
}

/** PostgREST's wording: `<constraint> using <source>(cols) and <target>(cols)`; junctions name both keys. */
function describe(r: Relationship): string {
  const list = (columns: string[]) => `(${columns.join(", ")})`;
  if (r.kind === "junction") {
    const left = list(r.sourceColumns.map((p) => p.source));
    const right = list(r.targetColumns.map((p) => p.source));
    return `${r.junction} using ${r.sourceConstraint}${left} and ${r.targetConstraint}${right}`;
  }
  return `${r.constraint} using ${r.source}${list(r.columns.map((p) => p.source))} and ${r.target}${list(r.columns.map((p) => p.target))}`;
}

/** The candidate nearest by edit distance, if it is near enough to be a plausible typo. */
function closest(word: string, candidates: string[]): string | null {
  let best: { name: string; distance: number } | null = null;
  for (const name of new Set(candidates)) {
    const distance = editDistance(word, name);
    if (distance <= Math.max(2, Math.floor(word.length / 3)) && (!best || distance < best.distance))
      best = { name, distance };
  }
  return best?.name ?? null;
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      current[j] = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + cost);
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}
