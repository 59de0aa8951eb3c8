import pg from "pg";
import { databaseNameOf, redactUrl } from "@/lib/config";
import type { EngineProject } from "@/lib/engines/types";

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
