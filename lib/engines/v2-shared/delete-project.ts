import type pg from "pg";
import { quoteIdent } from "@/lib/engines/sql";
import type { EngineProject } from "@/lib/engines/types";
import { tenantIdentifiers } from "@/lib/tenancy";
import { terminateSessionsOf } from "./admin-connection";
import { existingRoles } from "./tenant-roles";

/**
 * Removes the tenant's schema (with every object in it), its history rows, its privileges and both roles,
 * inside the caller's superuser transaction. Whatever is already gone is skipped, so it can be retried. The
 * caller holds the tenant's push and roles locks (so no push runs under it) and the cluster's shared-objects
 * lock: DROP OWNED rewrites the shared ACLs (the database's CONNECT list, flux_meta, auth) that provisioning
 * also writes, and overlapping writers fail with "tuple concurrently updated".
 */
export async function deleteTenant(client: pg.Client, project: EngineProject): Promise<void> {
  const ids = tenantIdentifiers(project.tenantId);
  const roles = await existingRoles(client, [ids.ownerRole, ids.role]);
  if (roles.length > 0) await terminateSessionsOf(client, roles);

  await client.query(`drop schema if exists ${quoteIdent(ids.schema)} cascade`);
  const history = await client.query<{ present: boolean }>(
    "select to_regclass('flux_meta.schema_migrations') is not null as present",
  );
  if (history.rows[0]?.present) {
    await client.query("delete from flux_meta.schema_migrations where owner_role = $1", [ids.ownerRole]);
  }
  if (roles.length === 0) return;
  const quoted = roles.map(quoteIdent).join(", ");
  // DROP OWNED also revokes their grants (CONNECT, flux_meta, auth) and default privileges in this database.
  await client.query(`drop owned by ${quoted} cascade`);
  await client.query(`drop role ${quoted}`);
}
