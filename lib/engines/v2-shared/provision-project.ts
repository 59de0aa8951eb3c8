import type pg from "pg";
import { quoteIdent } from "@/lib/engines/sql";
import type { EngineProject } from "@/lib/engines/types";
import { derivedRolePassword } from "@/lib/secrets";
import { tenantIdentifiers } from "@/lib/tenancy";
import { guardrailsFor, ownerRoleSettings, pushLimitsFor } from "./guardrails";
import { ensureSharedObjects } from "./shared-objects";
import { ensureTenantRole } from "./tenant-roles";

/**
 * Creates (or repairs) a v2_shared tenant: owner role, API role, schema, grants and default privileges,
 * inside the caller's transaction on the tenant database, connected as superuser. The caller holds the tenant's
 * roles lock and the cluster's shared-objects lock in flux-system (engine.ts).
 */
export async function provisionTenant(client: pg.Client, project: EngineProject, dataPlaneKey: string): Promise<void> {
  const ids = tenantIdentifiers(project.tenantId);
  const guardrails = guardrailsFor(project.plan);
  const pushLimits = pushLimitsFor(project.plan);
  await ensureSharedObjects(client);

  await ensureTenantRole(client, {
    name: ids.ownerRole,
    password: derivedRolePassword(dataPlaneKey, ids.ownerRole),
    connectionLimit: pushLimits.connectionLimit,
    settings: ownerRoleSettings(ids.schema, pushLimits),
  });
  await ensureTenantRole(client, {
    name: ids.role,
    password: derivedRolePassword(dataPlaneKey, ids.role),
    connectionLimit: guardrails.connectionLimit,
    settings: { search_path: ids.schema, statement_timeout: guardrails.statementTimeout },
  });

  const owner = quoteIdent(ids.ownerRole);
  const api = quoteIdent(ids.role);
  const schema = quoteIdent(ids.schema);
  const { rows } = await client.query<{ db: string }>("select current_database() as db");
  const database = quoteIdent(rows[0]?.db ?? "");

  // CONNECT only: PUBLIC holds nothing on the tenant database (no TEMPORARY, no CREATE), see lib/db/migrate.ts.
  await client.query(`grant connect on database ${database} to ${owner}, ${api}`);
  await client.query(`create schema if not exists ${schema} authorization ${owner}`);
  await client.query(`alter schema ${schema} owner to ${owner}`);
  await client.query(`revoke all on schema ${schema} from public`);
  await client.query(`grant usage on schema ${schema} to ${api}`);

  const forOwner = `alter default privileges for role ${owner} in schema ${schema}`;
  await client.query(`${forOwner} grant select, insert, update, delete on tables to ${api}`);
  await client.query(`${forOwner} grant usage, select on sequences to ${api}`);
  await client.query(`${forOwner} grant execute on functions to ${api}`);
  await client.query(`grant select, insert, update, delete on all tables in schema ${schema} to ${api}`);
  await client.query(`grant usage, select on all sequences in schema ${schema} to ${api}`);
  await client.query(`grant execute on all functions in schema ${schema} to ${api}`);

  // The history row is written by the owner role itself (same transaction as its SQL); never by the API role.
  await client.query(`grant usage on schema flux_meta to ${owner}`);
  await client.query(`grant select, insert on table flux_meta.schema_migrations to ${owner}`);
  await client.query(`grant usage on sequence flux_meta.schema_migrations_id_seq to ${owner}`);
  await client.query(`grant usage on schema auth to ${owner}, ${api}`);
  await client.query(`grant execute on all functions in schema auth to ${owner}, ${api}`);
}
