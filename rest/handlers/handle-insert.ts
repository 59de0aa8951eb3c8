import type { ReturnPreference, SelectItem } from "@/rest/parse/ast";
import { planInsert } from "@/rest/plan/plan-insert";
import { CONTENT_TYPE } from "@/rest/respond/media-types";
import type { JsonReply } from "@/rest/respond/send";
import { requireOneRow, singleObjectBody, singularityFromPgError } from "@/rest/respond/singular";
import { buildInsertStatement } from "@/rest/sql/build-insert";
import type { RestDeps, TenantRequest } from "./deps";
import { executeForTenant } from "./execute-for-tenant";

export type InsertInput = {
  body: unknown;
  columns: string[] | null;
  select: SelectItem[];
  preference: ReturnPreference;
  single: boolean;
};

/** POST /<table>: 201, with the inserted rows only when the client asked for return=representation. */
export async function handleInsert(deps: RestDeps, request: TenantRequest, tableName: string, input: InsertInput): Promise<JsonReply> {
  const { planned, result } = await executeForTenant(
    deps,
    request,
    tableName,
    (table) => planInsert(input.body, table, input),
    // One object asked for: the transaction itself fails (and rolls back) unless exactly one row comes back.
    (plan) => (input.single && plan.returning !== null ? requireOneRow(buildInsertStatement(plan)) : buildInsertStatement(plan)),
  ).catch((error: unknown) => {
    throw singularityFromPgError(error);
  });
  const headers: Record<string, string> = { "Content-Range": "*/*" };
  if (planned.returning === null) return { status: 201, body: null, headers };
  const row = result.rows[0];
  const rows = typeof row?.body === "string" ? row.body : "[]";
  const body = input.single ? singleObjectBody(rows, Number(row?.page_total ?? 0)) : rows;
  return { status: 201, body, headers, contentType: CONTENT_TYPE[input.single ? "object" : "json"] };
}
