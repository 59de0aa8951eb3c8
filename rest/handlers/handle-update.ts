import type { Payload } from "@/rest/http/read-body";
import type { ReadQuery } from "@/rest/parse/ast";
import type { Preferences } from "@/rest/parse/parse-prefer";
import { planUpdate } from "@/rest/plan/plan-update";
import { preferenceApplied } from "@/rest/respond/preference-applied";
import type { JsonReply } from "@/rest/respond/send";
import { buildUpdateStatement } from "@/rest/sql/build-update";
import type { RestDeps, TenantRequest } from "./deps";
import { runWrite } from "./run-write";
import { writeTotal } from "./write-outcome";

/** PATCH /<table>?filters: 204, or 200 with the updated rows for return=representation. */
export async function handleUpdate(
  deps: RestDeps,
  request: TenantRequest,
  tableName: string,
  input: { payload: Payload; columns: string[] | null; query: ReadQuery; preferences: Preferences; single: boolean },
): Promise<JsonReply> {
  const { preferences } = input;
  const { outcome, body } = await runWrite(
    deps,
    request,
    tableName,
    { ...input, limitsAffected: true },
    (table, scope) => planUpdate(table, { ...input, scope }),
    buildUpdateStatement,
  );
  // PostgREST reports an update's rows as a range from 0, e.g. `0-2/*`.
  const range = outcome.total > 0 ? `0-${outcome.total - 1}` : "*";
  const headers = {
    "Content-Range": `${range}/${writeTotal(preferences, outcome.total)}`,
    ...preferenceApplied(preferences, {
      missing: true,
      return: true,
      count: true,
      tx: true,
      handling: true,
      maxAffected: true,
    }),
  };
  return { status: preferences.return === "representation" ? 200 : 204, body, headers };
}
