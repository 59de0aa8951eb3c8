import pg from "pg";
import { databaseNameOf, redactUrl } from "@/lib/config";
import { withControlPlaneLocks } from "@/lib/engines/control-plane-lock";
import type { EngineProject } from "@/lib/engines/types";
import { ADMIN_LOCK_WAIT_MS } from "./lock-names";

export type AdminDeps = { tenantAdminUrl: string; systemDatabaseUrl: string };

/**
 * Runs `work` in one transaction on the tenant database as the cluster superuser: everything it does
 * commits together or not at all, which is what makes provisioning and deletion safe to retry.
 */
export async function withAdminTransaction<T>(adminUrl: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: adminUrl, application_name: "flux-engine" });
  await client.connect();
  try {
    await client.query("begin");
    const result = await work(client);
    await client.query("commit");
    return result;
  } catch (error) {
    await client.query("rollback").catch(() => undefined);
    throw error;
  } finally {
    await client.end();
  }
}

/**
 * An admin transaction on the tenant cluster run while holding control-plane locks in flux-system (names in
 * lock-names.ts order). The locks are taken first and released after the commit, so no other Flux writer
 * sees the catalog half-changed, and nothing a tenant does on the tenant cluster can hold them.
 */
export async function withLockedAdminTransaction<T>(
  deps: AdminDeps,
  lockNames: string[],
  work: (client: pg.Client) => Promise<T>,
  options: { forget?: boolean; waitMs?: number } = {},
): Promise<T> {
  return withControlPlaneLocks(
    deps.systemDatabaseUrl,
    lockNames,
    { waitMs: options.waitMs ?? ADMIN_LOCK_WAIT_MS, forget: options.forget },
    () => withAdminTransaction(deps.tenantAdminUrl, work),
  );
}

/**
 * The engine administers one cluster database; a project row pointing elsewhere would get its roles
 * created in the wrong place, so refuse instead of guessing.
 */
export function assertProjectOnCluster(project: EngineProject, adminUrl: string): void {
  const projectUrl = new URL(project.clusterDatabaseUrl);
  const admin = new URL(adminUrl);
  const sameServer = projectUrl.hostname === admin.hostname && (projectUrl.port || "5432") === (admin.port || "5432");
  if (!sameServer || databaseNameOf(project.clusterDatabaseUrl) !== databaseNameOf(adminUrl)) {
    throw new Error(
      `Project ${project.tenantId} lives on ${redactUrl(project.clusterDatabaseUrl)}, but this engine administers ` +
        `${redactUrl(adminUrl)}; configure the engine with that cluster's admin URL.`,
    );
  }
}

/** Ends every session of the given roles (used after they lose LOGIN or before they are dropped). */
export async function terminateSessionsOf(client: pg.Client, roles: string[]): Promise<void> {
  await client.query(
    "select pg_terminate_backend(pid) from pg_stat_activity where usename = any($1::text[]) and pid <> pg_backend_pid()",
    [roles],
  );
}
