import { planInsert, type InsertRequest } from "@/rest/plan/plan-insert";
import { preferenceApplied } from "@/rest/respond/preference-applied";
import type { JsonReply } from "@/rest/respond/send";
import { buildInsertStatement } from "@/rest/sql/build-insert";
import type { RestDeps, TenantRequest } from "./deps";
import { runWrite } from "./run-write";
import { writeTotal } from "./write-outcome";

/**
 * POST /<table>: 201 (200 when merge-duplicates inserted nothing), the rows for return=representation,
 * `Location` for return=headers-only when one row with a primary key was written.
 */
export async function handleInsert(
  deps: RestDeps,
  request: TenantRequest,
  tableName: string,
  input: InsertRequest & { single: boolean },
): Promise<JsonReply> {
  const { preferences } = input;
  const { planned, outcome, body } = await runWrite(
    deps,
    request,
    tableName,
    input,
    (table, scope) => planInsert(table, { ...input, scope }),
    buildInsertStatement,
  );
  const headers: Record<string, string> = {
    "Content-Range": `*/${writeTotal(preferences, outcome.total)}`,
    ...preferenceApplied(preferences, {
      resolution: planned.conflict !== null,
      missing: true,
      return: true,
      count: true,
      tx: true,
      handling: true,
    }),
  };
  const keyColumns = planned.returning.keyColumns;
  if (outcome.total === 1 && outcome.key && keyColumns.length > 0)
    headers.Location = location(tableName, keyColumns, outcome.key);
  const nothingInserted = preferences.resolution === "merge-duplicates" && outcome.inserted === 0;
  return { status: nothingInserted ? 200 : 201, body, headers };
}

/** `/<table>?<pk>=eq.<value>&…`, percent-encoded like PostgREST's renderSimpleQuery. */
function location(tableName: string, columns: string[], values: string[]): string {
  const encode = (text: string) =>
    encodeURIComponent(text).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  const query = columns.map((column, index) => `${encode(column)}=${encode(`eq.${values[index] ?? ""}`)}`);
  return `/${tableName}?${query.join("&")}`;
}
