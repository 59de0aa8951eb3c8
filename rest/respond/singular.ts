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
