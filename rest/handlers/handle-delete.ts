import type { ReadQuery } from "@/rest/parse/ast";
import type { Preferences } from "@/rest/parse/parse-prefer";
import { planDelete } from "@/rest/plan/plan-delete";
import { preferenceApplied } from "@/rest/respond/preference-applied";
import type { JsonReply } from "@/rest/respond/send";
import { buildDeleteStatement } from "@/rest/sql/build-delete";
import type { RestDeps, TenantRequest } from "./deps";
import { runWrite } from "./run-write";
import { writeTotal } from "./write-outcome";

/** DELETE /<table>?filters: 204, or 200 with the deleted rows for return=representation. */
export async function handleDelete(
  deps: RestDeps,
  request: TenantRequest,
  tableName: string,
  input: { query: ReadQuery; preferences: Preferences; single: boolean },
): Promise<JsonReply> {
  const { preferences } = input;
  const { outcome, body } = await runWrite(
    deps,
    request,
    tableName,
    { ...input, limitsAffected: true },
    (table, scope) => planDelete(table, { ...input, scope }),
    buildDeleteStatement,
  );
  const headers = {
    "Content-Range": `*/${writeTotal(preferences, outcome.total)}`,
    ...preferenceApplied(preferences, { return: true, count: true, tx: true, handling: true, maxAffected: true }),
  };
  return { status: preferences.return === "representation" ? 200 : 204, body, headers };
}
