import type { IncomingHttpHeaders } from "node:http";
import { RestError } from "./rest-error";

const OBJECT_MEDIA_TYPE = "application/vnd.pgrst.object+json";

/** postgrest-js `.single()` / `.maybeSingle()` ask for one JSON object instead of an array. */
export function wantsSingleObject(headers: IncomingHttpHeaders): boolean {
  return (headers.accept ?? "").toLowerCase().includes(OBJECT_MEDIA_TYPE);
}

/** The one row of a JSON array body as an object; 406 PGRST116 (as PostgREST) for any other row count. */
export function singleObjectBody(arrayBody: string, rowCount: number): string {
  if (rowCount !== 1) {
    throw new RestError(406, {
      code: "PGRST116",
      message: "JSON object requested, multiple (or no) rows returned",
      details: `The result contains ${rowCount} rows`,
    });
  }
  const [row] = JSON.parse(arrayBody) as unknown[];
  return JSON.stringify(row);
}
