import { databaseNameOf } from "@/lib/config";

/**
 * Names of the control-plane locks (lib/engines/control-plane-lock.ts). Always taken in this order — push,
 * roles, shared objects — so two holders never wait on each other in a cycle.
 */
export const PUSH_LOCK_WAIT_MS = 30_000;
export const ADMIN_LOCK_WAIT_MS = 15_000;

/** One push (or importSql) of a tenant at a time; deletion waits for it instead of dropping the schema under it. */
export const pushLockName = (tenantId: string): string => `push:${tenantId}`;

/** Catalog writes to a tenant's roles (provisioning, plan, suspension, password reset, deletion) one at a time. */
export const rolesLockName = (tenantId: string): string => `roles:${tenantId}`;

/**
 * Objects every tenant of one cluster database shares (flux_meta, auth, the database's CONNECT list): their
 * catalog rows are rewritten by provisioning and deletion, which fail with "tuple concurrently updated" if
 * they overlap. Named by host, port and database, never by credentials.
 */
export function sharedObjectsLockName(clusterDatabaseUrl: string): string {
  const url = new URL(clusterDatabaseUrl);
  return `shared-objects:${url.hostname}:${url.port || "5432"}/${databaseNameOf(clusterDatabaseUrl)}`;
}
