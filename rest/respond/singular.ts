import type { Statement } from "@/rest/sql/statement";
import { RestError } from "./rest-error";

/** PostgREST 12/13's answer when one object was requested and `rowCount` rows came back. */
export function singularityError(rowCount: number): RestError {
  return new RestError(406, {
    code: "PGRST116",
    message: "Cannot coerce the result to a single JSON object",
    details: `The result contains ${rowCount} rows`,
  });
}

/** The one row of a JSON array body as an object; 406 PGRST116 for any other row count. */
export function singleObjectBody(arrayBody: string, rowCount: number): string {
  if (rowCount !== 1) throw singularityError(rowCount);
  const [row] = JSON.parse(arrayBody) as unknown[];
  return JSON.stringify(row);
}

const MARKER = "flux:singularity:";
const MARKER_ERROR = /invalid input syntax for type integer: "flux:singularity:(\d+)"/;

/**
 * Makes a write that must return exactly one row fail INSIDE its transaction otherwise, so PostgreSQL rolls
 * it back as PostgREST does (nothing is written when PGRST116 is answered). The statement must end in the
 * `json_agg … count(*) … from (…) _r` aggregate of `jsonBody`: a HAVING clause on it raises (an integer
 * cast of a marker text) unless the count is 1. `singularityFromPgError` turns that error back into PGRST116.
 */
export function requireOneRow(statement: Statement): Statement {
  const check = `having (case when count(*) = 1 then 1 else ('${MARKER}' || count(*))::int end) = 1`;
  return { text: `${statement.text} ${check}`, values: statement.values };
}

/** The PGRST116 a `requireOneRow` statement's failure stands for, or the error unchanged. */
export function singularityFromPgError(error: unknown): unknown {
  const { code, message } = (error ?? {}) as { code?: unknown; message?: unknown };
  if (code !== "22P02" || typeof message !== "string") return error;
  const match = MARKER_ERROR.exec(message);
  return match?.[1] ? singularityError(Number(match[1])) : error;
}
