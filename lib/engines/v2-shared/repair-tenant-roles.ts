import type pg from "pg";
import { quoteIdent, quoteLiteral } from "@/lib/engines/sql";
import type { EngineProject } from "@/lib/engines/types";
import { derivedRolePassword } from "@/lib/secrets";
import { tenantIdentifiers } from "@/lib/tenancy";
import { guardrailsFor, ownerRoleSettings, pushLimitsFor } from "./guardrails";
import { driftOf, readRoleStates, type RoleState } from "./role-drift";
import { scramVerifier } from "./scram-verifier";

/** Each tenant role and the defaults the plan gives it. */
export function expectedRoleSettings(project: EngineProject): Record<string, Record<string, string>> {
  const ids = tenantIdentifiers(project.tenantId);
  return {
    [ids.ownerRole]: ownerRoleSettings(ids.schema, pushLimitsFor(project.plan)),
    [ids.role]: { search_path: ids.schema, statement_timeout: guardrailsFor(project.plan).statementTimeout },
  };
}

/**
 * A role may always change its own password (`ALTER ROLE CURRENT_USER PASSWORD …`) and its own defaults
 * (`… SET statement_timeout = 0`, also `IN DATABASE`), from a push as the owner or from a function as the API
 * role. Either would lock rest or the push path out of the tenant, or lift a plan limit at the next login. This
 * puts both roles back to what Flux derives — password, no expiry, exactly the plan's settings — inside the
 * caller's superuser transaction, and says what it had to repair (nothing, normally).
 */
export async function repairTenantRoles(
  client: pg.Client,
  project: EngineProject,
  dataPlaneKey: string,
): Promise<string[]> {
  const expected = expectedRoleSettings(project);
  const states = await readRoleStates(client, Object.keys(expected));
  const repaired: string[] = [];
  for (const [role, settings] of Object.entries(expected)) {
    const state = states.get(role);
    if (!state) continue;
    const password = derivedRolePassword(dataPlaneKey, role);
    const drift = driftOf(state, password, settings);
    const quoted = quoteIdent(role);
    if (drift.password) {
      await client.query(`alter role ${quoted} password ${quoteLiteral(scramVerifier(password))}`);
      repaired.push(`password of ${role}`);
    }
    if (drift.expiry) {
      await client.query(`alter role ${quoted} valid until 'infinity'`);
      repaired.push(`expiry of ${role}`);
    }
    if (drift.settings) {
      await resetSettings(client, state, settings);
      repaired.push(`settings of ${role}`);
    }
  }
  return repaired;
}

async function resetSettings(client: pg.Client, state: RoleState, expected: Record<string, string>): Promise<void> {
  const quoted = quoteIdent(state.rolname);
  for (const { datname } of state.settings) {
    if (datname !== null) await client.query(`alter role ${quoted} in database ${quoteIdent(datname)} reset all`);
  }
  await client.query(`alter role ${quoted} reset all`);
  for (const [name, value] of Object.entries(expected)) {
    await client.query(`alter role ${quoted} set ${quoteIdent(name)} = ${quoteLiteral(value)}`);
  }
}
