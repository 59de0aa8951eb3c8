import type { ReadQuery } from "@/rest/parse/ast";
import { planRead } from "@/rest/plan/plan-read";
import { CONTENT_TYPE, isSingleObject, stripsNulls } from "@/rest/respond/media-types";
import type { MediaKind } from "@/rest/respond/negotiate";
import { contentRange, type JsonReply } from "@/rest/respond/send";
import { singleObjectBody } from "@/rest/respond/singular";
import { stripNulls } from "@/rest/respond/strip-nulls";
import { buildReadStatement } from "@/rest/sql/build-read";
import { csvBody } from "@/rest/sql/csv-body";
import type { RestDeps, TenantRequest } from "./deps";
import { executeForTenant } from "./execute-for-tenant";

/** GET/HEAD /<table>: 200 with the rows as a JSON array (one object or CSV when asked) and the page's Content-Range. */
export async function handleRead(
  deps: RestDeps,
  request: TenantRequest,
  tableName: string,
  input: { query: ReadQuery; media: MediaKind },
): Promise<JsonReply> {
  const { planned, result } = await executeForTenant(
    deps,
    request,
    tableName,
    (table) => planRead(input.query, table, deps.maxRows),
    (plan) => buildReadStatement(plan, input.media === "csv" ? csvBody : undefined),
  );
  const row = result.rows[0];
  const rowCount = Number(row?.page_total ?? 0);
  const rows = typeof row?.body === "string" ? row.body : "[]";
  const body = isSingleObject(input.media) ? singleObjectBody(rows, rowCount) : rows;
  return {
    status: 200,
    body: stripsNulls(input.media) ? stripNulls(body) : body,
    headers: { "Content-Range": contentRange(planned.offset, rowCount) },
    contentType: CONTENT_TYPE[input.media],
  };
}
