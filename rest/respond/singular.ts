import { RestError } from "./rest-error";

/** The one row of a JSON array body as an object; 406 PGRST116 (PostgREST 12/13's wording) for any other row count. */
export function singleObjectBody(arrayBody: string, rowCount: number): string {
  if (rowCount !== 1) {
    throw new RestError(406, {
      code: "PGRST116",
      message: "Cannot coerce the result to a single JSON object",
      details: `The result contains ${rowCount} rows`,
    });
  }
  const [row] = JSON.parse(arrayBody) as unknown[];
  return JSON.stringify(row);
}
