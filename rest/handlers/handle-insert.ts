import type { ReturnPreference, SelectItem } from "@/rest/parse/ast";
import { planInsert } from "@/rest/plan/plan-insert";
import type { JsonReply } from "@/rest/respond/send";
import { buildInsertStatement } from "@/rest/sql/build-insert";
import type { RestDeps, TenantRequest } from "./deps";
import { executeForTenant } from "./execute-for-tenant";

/** POST /<table>: 201, with the inserted rows only when the client asked for return=representation. */
export async function handleInsert(
  deps: RestDeps,
  request: TenantRequest,
  tableName: string,
  input: { body: unknown; select: SelectItem[]; preference: ReturnPreference },
): Promise<JsonReply> {
  const { planned, result } = await executeForTenant(
    deps,
    request,
    tableName,
    (table) => planInsert(input.body, table, input.select, input.preference),
    buildInsertStatement,
  );
  const headers: Record<string, string> = { "Content-Range": "*/*" };
  if (planned.returning === null) return { status: 201, body: null, headers };
  const body = result.rows[0]?.body;
  return { status: 201, body: typeof body === "string" ? body : "[]", headers };
}
