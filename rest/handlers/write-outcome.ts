import type { StatementResult, TransactionEnd } from "@/rest/execute/run-request-transaction";
import type { Preferences } from "@/rest/parse/parse-prefer";
import { RestError } from "@/rest/respond/rest-error";
import { singleObjectBody } from "@/rest/respond/singular";

/** The one row every write statement returns (see sql/build-write.ts). */
export type WriteOutcome = { body: string | null; total: number; inserted: number; key: string[] | null };

export function readOutcome(result: StatementResult): WriteOutcome {
  const row = result.rows[0] ?? {};
  return {
    body: typeof row.body === "string" ? row.body : null,
    total: Number(row.page_total ?? 0),
    inserted: Number(row.inserted ?? 0),
    key: typeof row.location === "string" ? (JSON.parse(row.location) as string[]) : null,
  };
}

/**
 * `Prefer: tx=commit|rollback` is honoured (our policy, docs/decisions/0007). A singular write
 * (Accept: application/vnd.pgrst.object+json) that touched other than one row, or a write over
 * `max-affected`, is rolled back, as in PostgREST; `checkWriteOutcome` then says why.
 */
export function transactionEnd(preferences: Preferences, single: boolean, maxAffected: number | null) {
  const wanted: TransactionEnd = preferences.tx ?? "commit";
  if (!single && maxAffected === null) return wanted;
  return (result: StatementResult): TransactionEnd => {
    const { total } = readOutcome(result);
    return (single && total !== 1) || (maxAffected !== null && total > maxAffected) ? "rollback" : wanted;
  };
}

/** PostgREST 13's `Prefer: handling=strict, max-affected=<n>` for PATCH and DELETE (400 PGRST124). */
export function checkMaxAffected(total: number, maxAffected: number | null): void {
  if (maxAffected === null || total <= maxAffected) return;
  throw new RestError(400, {
    code: "PGRST124",
    message: "Query result exceeds max-affected preference constraint",
    details: `The query affects ${total} rows`,
  });
}

/** The response body: the rows (or the one row when asked) for return=representation, else none. */
export function writeBody(outcome: WriteOutcome, single: boolean): string | null {
  if (!single) return outcome.body;
  // Throws 406 PGRST116 for any row count but one, whether or not there is a body to return.
  const object = singleObjectBody(outcome.body ?? "[null]", outcome.total);
  return outcome.body === null ? null : object;
}

/** Content-Range of a write: `*\/*`, or `*\/<n>` with count=exact|estimated (PostgREST counts affected rows). */
export function writeTotal(preferences: Preferences, total: number): string {
  return preferences.count === "exact" || preferences.count === "estimated" ? String(total) : "*";
}
