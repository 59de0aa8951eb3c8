import type pg from "pg";
import { quoteIdent, quoteLiteral } from "@/lib/engines/sql";
import { scramVerifier } from "./scram-verifier";

export type TenantRoleSpec = {
  name: string;
  password: string;
  connectionLimit: number;
  settings: Record<string, string>;
};

/** Nothing a tenant role could use to leave its schema: no superuser, no role or database creation, no RLS bypass. */
const LOCKED_DOWN = "NOINHERIT NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS";

/**
 * Creates the role, or brings an existing one back to the spec. LOGIN is given only at creation, so
 * re-provisioning a suspended project does not quietly lift the suspension (setSuspended owns that bit).
 */
export async function ensureTenantRole(client: pg.Client, spec: TenantRoleSpec): Promise<void> {
  const role = quoteIdent(spec.name);
  const attributes = `${LOCKED_DOWN} CONNECTION LIMIT ${Math.trunc(spec.connectionLimit)} PASSWORD ${quoteLiteral(scramVerifier(spec.password))}`;
  const found = await client.query("select 1 from pg_roles where rolname = $1", [spec.name]);
  if (found.rowCount === 0) await client.query(`create role ${role} LOGIN ${attributes}`);
  else await client.query(`alter role ${role} ${attributes}`);
  for (const [setting, value] of Object.entries(spec.settings)) {
    await client.query(`alter role ${role} set ${quoteIdent(setting)} = ${quoteLiteral(value)}`);
  }
  await revokeMemberships(client, spec.name);
}

/**
 * A tenant role belongs to no role and no role belongs to it. Membership in either direction would let
 * `SET ROLE` cross tenants, so any that appeared (PostgreSQL 15 lets a session user grant itself) is removed.
 */
async function revokeMemberships(client: pg.Client, name: string): Promise<void> {
  const { rows } = await client.query<{ granted: string; member: string }>(
    `select g.rolname as granted, m.rolname as member
       from pg_auth_members am
       join pg_roles g on g.oid = am.roleid
       join pg_roles m on m.oid = am.member
      where g.rolname = $1 or m.rolname = $1`,
    [name],
  );
  for (const { granted, member } of rows) {
    await client.query(`revoke ${quoteIdent(granted)} from ${quoteIdent(member)}`);
  }
}

export async function existingRoles(client: pg.Client, names: string[]): Promise<string[]> {
  const { rows } = await client.query<{ rolname: string }>(
    "select rolname from pg_roles where rolname = any($1::text[])",
    [names],
  );
  return rows.map((row) => row.rolname);
}
