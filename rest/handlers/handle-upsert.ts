import type { Payload } from "@/rest/http/read-body";
import type { ReadQuery } from "@/rest/parse/ast";
import type { Preferences } from "@/rest/parse/parse-prefer";
import { planUpsert } from "@/rest/plan/plan-upsert";
import { preferenceApplied } from "@/rest/respond/preference-applied";
import { RestError } from "@/rest/respond/rest-error";
import type { JsonReply } from "@/rest/respond/send";
import { buildInsertStatement } from "@/rest/sql/build-insert";
import type { RestDeps, TenantRequest } from "./deps";
import { runWrite } from "./run-write";

/**
 * PUT /<table>?pk=eq.v: 204, or with return=representation 201 (inserted) / 200 (replaced). No
 * Content-Range, as in PostgREST. A payload whose key differs from the URL's writes nothing: 400 PGRST115.
 */
export async function handleUpsert(
  deps: RestDeps,
  request: TenantRequest,
  tableName: string,
  input: { payload: Payload; query: ReadQuery; preferences: Preferences; single: boolean },
): Promise<JsonReply> {
  const { preferences } = input;
  const { outcome, body } = await runWrite(
    deps,
    request,
    tableName,
    input,
    (table, scope) => planUpsert(table, { ...input, scope }),
    buildInsertStatement,
  );
  if (outcome.total === 0) {
    throw new RestError(400, { code: "PGRST115", message: "Payload values do not match URL in primary key column(s)" });
  }
  const headers = preferenceApplied(preferences, { return: true, count: true, tx: true, handling: true });
  if (preferences.return !== "representation") return { status: 204, body: null, headers };
  return { status: outcome.inserted > 0 ? 201 : 200, body, headers };
}
