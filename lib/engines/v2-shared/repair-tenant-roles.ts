import type pg from "pg";
import { quoteIdent, quoteLiteral } from "@/lib/engines/sql";
import type { EngineProject } from "@/lib/engines/types";
import { derivedRolePassword } from "@/lib/secrets";
import { tenantIdentifiers } from "@/lib/tenancy";
import { guardrailsFor, ownerRoleSettings, pushLimitsFor } from "./guardrails";
import { scramVerifier, scramVerifierMatches } from "./scram-verifier";

type RoleState = { rolname: string; rolpassword: string | null; validuntil: string | null };
type SettingRow = { datname: string | null; setconfig: string[] };

/**
 * Verifiers already proven to accept the derived password: PBKDF2 runs once per verifier a process sees, so a
 * sweep over every tenant costs one catalog read when nothing changed.
 */
const provenVerifiers = new Map<string, string>();

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
  const ids = tenantIdentifiers(project.tenantId);
  const expected: Record<string, Record<string, string>> = {
    [ids.ownerRole]: ownerRoleSettings(ids.schema, pushLimitsFor(project.plan)),
    [ids.role]: { search_path: ids.schema, statement_timeout: guardrailsFor(project.plan).statementTimeout },
  };
  const { rows } = await client.query<RoleState>(
    `select rolname, rolpassword, rolvaliduntil::text as validuntil from pg_catalog.pg_authid where rolname = any($1::text[])`,
    [Object.keys(expected)],
  );
  const repaired: string[] = [];
  for (const role of rows) {
    const password = derivedRolePassword(dataPlaneKey, role.rolname);
    const quoted = quoteIdent(role.rolname);
    if (!verifierAccepts(role.rolname, role.rolpassword, password)) {
      await client.query(`alter role ${quoted} password ${quoteLiteral(scramVerifier(password))}`);
      repaired.push(`password of ${role.rolname}`);
    }
    if (role.validuntil !== null && role.validuntil !== "infinity") {
      await client.query(`alter role ${quoted} valid until 'infinity'`);
      repaired.push(`expiry of ${role.rolname}`);
    }
    if (await settingsDrifted(client, role.rolname, expected[role.rolname] ?? {})) {
      await resetSettings(client, role.rolname, expected[role.rolname] ?? {});
      repaired.push(`settings of ${role.rolname}`);
    }
  }
  return repaired;
}

function verifierAccepts(role: string, verifier: string | null, password: string): boolean {
  if (!verifier) return false;
  if (provenVerifiers.get(role) === verifier) return true;
  const accepts = scramVerifierMatches(verifier, password);
  if (accepts) provenVerifiers.set(role, verifier);
  return accepts;
}

async function settingsOf(client: pg.Client, role: string): Promise<SettingRow[]> {
  const { rows } = await client.query<SettingRow>(
    `select d.datname, s.setconfig
       from pg_catalog.pg_db_role_setting s
       join pg_catalog.pg_roles r on r.oid = s.setrole
       left join pg_catalog.pg_database d on d.oid = s.setdatabase
      where r.rolname = $1`,
    [role],
  );
  return rows;
}

async function settingsDrifted(client: pg.Client, role: string, expected: Record<string, string>): Promise<boolean> {
  const rows = await settingsOf(client, role);
  if (rows.some((row) => row.datname !== null)) return true;
  const actual = [...(rows[0]?.setconfig ?? [])].sort();
  const wanted = Object.entries(expected)
    .map(([name, value]) => `${name}=${value}`)
    .sort();
  return actual.join("\n") !== wanted.join("\n");
}

async function resetSettings(client: pg.Client, role: string, expected: Record<string, string>): Promise<void> {
  const quoted = quoteIdent(role);
  for (const row of await settingsOf(client, role)) {
    if (row.datname !== null)
      await client.query(`alter role ${quoted} in database ${quoteIdent(row.datname)} reset all`);
  }
  await client.query(`alter role ${quoted} reset all`);
  for (const [name, value] of Object.entries(expected)) {
    await client.query(`alter role ${quoted} set ${quoteIdent(name)} = ${quoteLiteral(value)}`);
  }
}
