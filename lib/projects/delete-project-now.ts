import { eq } from "drizzle-orm";
import { clusters, projects } from "@/drizzle/schema";
import { evictProjectHosts, projectHostnames } from "@/lib/cache/evict-project-hosts";
import type { Ctx } from "@/lib/context";
import type { Transaction } from "@/lib/db";
import { busyAsConflict } from "./busy-as-conflict";
import { engineOf, engineProjectOf } from "./engine";
import type { ProjectRow } from "./types";

/**
 * Removes a project for good, with no authorization and no backup gate (callers decide: nukeProject, or
 * restoreBackup undoing its own half-made project). Order: the tenant's schema and roles first (idempotent,
 * so a failure leaves a project that can be deleted again), then the row — whose foreign keys take domains,
 * members, JWT keys and environment secrets with it — together with `audit`, then every gateway's cached
 * hosts (Redis `hostname:` keys and, through the eviction channel, their in-process caches).
 * Backup catalog rows and artifacts stay: they are the way back (`flux backup restore --into`).
 */
export async function deleteProjectNow(
  ctx: Ctx,
  project: ProjectRow,
  audit?: (tx: Transaction) => Promise<void>,
): Promise<void> {
  const hosts = await projectHostnames(ctx, project);
  const [cluster] = await ctx.db
    .select({ url: clusters.databaseUrl })
    .from(clusters)
    .where(eq(clusters.id, project.clusterId));
  await busyAsConflict(project.slug, () =>
    engineOf(ctx, project.mode).deleteProject(engineProjectOf(project, cluster?.url ?? ctx.config.tenantDatabaseUrl)),
  );
  await ctx.db.transaction(async (tx) => {
    await tx.delete(projects).where(eq(projects.tenantId, project.tenantId));
    await audit?.(tx);
  });
  await evictProjectHosts(ctx, project, hosts);
}
