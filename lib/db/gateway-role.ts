import type pg from "pg";
import { databaseNameOf } from "@/lib/config";
import { quoteIdent, quoteLiteral } from "@/lib/engines/sql";
import { roleLoginUrl } from "@/lib/engines/v2-shared/credentials";
import { derivedRolePassword } from "@/lib/secrets";

/**
 * What the gateway may read in flux-system, column by column: the host lookups of
 * gateway/directory/find-project-row.ts and nothing else. A column the gateway starts selecting must be added
 * here, or its lookups fail with 42501 (gateway/directory/gateway-role.int.test.ts catches that).
 */
export const GATEWAY_READABLE_COLUMNS = {
  projects: [
    "tenant_id",
    "slug",
    "hash",
    "plan",
    "status",
    "jwt_secret_encrypted",
    "previous_jwt_secret_encrypted",
    "previous_jwt_secret_expires_at",
    "allowed_roles",
    "rate_limit_per_minute",
    "anonymous_access",
    "cors_origins",
  ],
  domains: ["hostname", "tenant_id", "verified_at"],
  project_issuers: ["tenant_id", "issuer", "jwks_url", "audience"],
} as const;

/**
 * The gateway's login role for one flux-system database: `<database>_gateway` (`flux_gateway` for the default
 * `flux`). Roles are cluster-wide, so a per-database name keeps two Flux installs (or two test runs) on one
 * cluster from sharing a role that could read both (docs/decisions/0018-gateway-read-only-role.md).
 */
export function gatewayRoleName(databaseUrl: string): string {
  const role = `${databaseNameOf(databaseUrl)}_gateway`;
  if (Buffer.byteLength(role) > 63) {
    throw new Error(
      `The gateway role name '${role}' is longer than PostgreSQL's 63 bytes: use a shorter flux-system database name`,
    );
  }
  return role;
}

/** DATABASE_URL logged in as the gateway role with its password derived from FLUX_DATA_PLANE_KEY. */
export function gatewayDatabaseUrl(databaseUrl: string, dataPlaneKey: string): string {
  return roleLoginUrl(databaseUrl, gatewayRoleName(databaseUrl), dataPlaneKey);
}

/**
 * Creates (or brings up to date) the gateway's read-only role: LOGIN, nothing inherited, no privileged
 * attribute, every transaction
 * read-only by default, SELECT on exactly GATEWAY_READABLE_COLUMNS. Grants are reset first so a column dropped
 * from the list loses its grant. Runs under migrate's advisory lock; `client` is connected to flux-system.
 */
export async function ensureGatewayRole(
  client: pg.ClientBase,
  options: { databaseUrl: string; dataPlaneKey: string },
): Promise<void> {
  const name = gatewayRoleName(options.databaseUrl);
  const role = quoteIdent(name);
  const password = quoteLiteral(derivedRolePassword(options.dataPlaneKey, name));
  const exists = await client.query("select 1 from pg_roles where rolname = $1", [name]);
  if (exists.rowCount === 0) await client.query(`create role ${role} login noinherit`);
  // Changing SUPERUSER/BYPASSRLS/REPLICATION needs a superuser; a CREATEROLE migrator creates the role without
  // them (the defaults) and refuses to go on if someone granted one since.
  await client.query(`alter role ${role} login noinherit nocreatedb nocreaterole password ${password}`);
  const attributes = await client.query<{ privileged: boolean }>(
    "select rolsuper or rolbypassrls or rolreplication or rolcreaterole or rolcreatedb as privileged from pg_roles where rolname = $1",
    [name],
  );
  if (attributes.rows[0]?.privileged !== false) {
    throw new Error(
      `The gateway role ${name} has a privileged attribute (superuser, bypassrls or replication): remove it (ALTER ROLE ${name} NOSUPERUSER NOBYPASSRLS NOREPLICATION) and migrate again`,
    );
  }
  await client.query(`alter role ${role} set default_transaction_read_only = on`);
  await client.query(`alter role ${role} set statement_timeout = '5s'`);
  await client.query(`grant connect on database ${quoteIdent(databaseNameOf(options.databaseUrl))} to ${role}`);
  await client.query(`grant usage on schema public to ${role}`);
  await client.query(`revoke all on all tables in schema public from ${role}`);
  await client.query(`revoke all on all sequences in schema public from ${role}`);
  for (const [table, columns] of Object.entries(GATEWAY_READABLE_COLUMNS)) {
    await client.query(`grant select (${columns.map(quoteIdent).join(", ")}) on ${quoteIdent(table)} to ${role}`);
  }
}
