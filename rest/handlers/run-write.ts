import type { Preferences } from "@/rest/parse/parse-prefer";
import type { SchemaSnapshot, TableInfo } from "@/rest/schema-cache/types";
import type { Statement } from "@/rest/sql/statement";
import type { RestDeps, TenantRequest } from "./deps";
import { executeForTenant } from "./execute-for-tenant";
import { checkMaxAffected, readOutcome, transactionEnd, writeBody, type WriteOutcome } from "./write-outcome";

/**
 * Plans and runs one write in the request transaction, ending it as the preferences (and a singular Accept)
 * require, and returns the outcome with the response body already shaped. `limitsAffected`: the verb honours
 * `max-affected`.
 */
export async function runWrite<P>(
  deps: RestDeps,
  request: TenantRequest,
  tableName: string,
  input: { preferences: Preferences; single: boolean; limitsAffected?: boolean },
  plan: (table: TableInfo, scope: SchemaSnapshot) => P,
  build: (planned: P) => Statement,
): Promise<{ planned: P; outcome: WriteOutcome; body: string | null }> {
  const { preferences } = input;
  // max-affected binds only under handling=strict, and only where the verb supports it (PATCH, DELETE).
  const maxAffected = input.limitsAffected && preferences.handling === "strict" ? preferences.maxAffected : null;
  const finish = transactionEnd(preferences, input.single, maxAffected);
  const { planned, result } = await executeForTenant(deps, request, tableName, plan, build, finish);
  const outcome = readOutcome(result);
  const body = writeBody(outcome, input.single);
  checkMaxAffected(outcome.total, maxAffected);
  return { planned, outcome, body };
}
