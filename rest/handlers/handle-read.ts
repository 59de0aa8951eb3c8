import type { CountPreference, ReadQuery } from "@/rest/parse/ast";
import type { RangeHeader } from "@/rest/parse/parse-range-header";
import { offsetPastEnd } from "@/rest/plan/plan-page";
import { planRead } from "@/rest/plan/plan-read";
import { CONTENT_TYPE, isSingleObject, stripsNulls } from "@/rest/respond/media-types";
import type { MediaKind } from "@/rest/respond/negotiate";
import type { StatementResult } from "@/rest/execute/run-request-transaction";
import { contentRange, type JsonReply } from "@/rest/respond/send";
import { singleObjectBody } from "@/rest/respond/singular";
import { stripNulls } from "@/rest/respond/strip-nulls";
import { buildReadStatement } from "@/rest/sql/build-read";
import { csvBody } from "@/rest/sql/csv-body";
import type { RestDeps, TenantRequest } from "./deps";
import { executeForTenant } from "./execute-for-tenant";

export type ReadInput = {
  query: ReadQuery;
  media: MediaKind;
  range?: RangeHeader | null;
  count?: CountPreference | null;
};

/**
 * GET/HEAD /<table>: the rows as a JSON array (one object or CSV when asked), Content-Range on every answer, and
 * PostgREST's status rule when a count is known: 206 for a partial page, 416 when the page starts past the end.
 */
export async function handleRead(
  deps: RestDeps,
  request: TenantRequest,
  tableName: string,
  input: ReadInput,
): Promise<JsonReply> {
  const count = input.count ?? null;
  const { planned, result } = await executeForTenant(
    deps,
    request,
    tableName,
    (table, scope) => planRead(input.query, table, deps.maxRows, { range: input.range ?? null, count, scope }),
    (plan) => buildReadStatement(plan, input.media === "csv" ? csvBody : undefined),
  );
  const row = result.rows[0];
  const pageTotal = Number(row?.page_total ?? 0);
  const rows = typeof row?.body === "string" ? row.body : "[]";
  const total = totalFor(count, row?.total, pageTotal, result, deps.maxRows);
  const offset = planned.page.offset;
  const headers: Record<string, string> = { "Content-Range": contentRange(offset, pageTotal, total) };
  if (count) headers["Preference-Applied"] = `count=${count}`;
  if (total !== null && offset > total) {
    const error = offsetPastEnd(offset, total);
    return { status: 416, body: JSON.stringify(error.toBody()), headers };
  }
  const status = total !== null && pageTotal < total ? 206 : 200;
  const body = isSingleObject(input.media) ? singleObjectBody(rows, pageTotal) : rows;
  return {
    status,
    body: stripsNulls(input.media) ? stripNulls(body) : body,
    headers,
    contentType: CONTENT_TYPE[input.media],
  };
}

/** exact: the statement's count; planned: EXPLAIN's estimate; estimated: exact up to max-rows, then planned. */
function totalFor(
  count: CountPreference | null,
  exact: unknown,
  pageTotal: number,
  result: StatementResult,
  maxRows: number,
): number | null {
  if (count === null) return null;
  if (count === "exact") return Number(exact ?? 0);
  if (count === "estimated" && Number(exact ?? 0) <= maxRows) return Number(exact ?? 0);
  return Math.max(pageTotal, plannedRows(result.followUps[0]));
}

function plannedRows(rows: Array<Record<string, unknown>> | undefined): number {
  const plan = rows?.[0]?.["QUERY PLAN"] as Array<{ Plan?: { "Plan Rows"?: number } }> | undefined;
  return Number(plan?.[0]?.Plan?.["Plan Rows"] ?? 0);
}
