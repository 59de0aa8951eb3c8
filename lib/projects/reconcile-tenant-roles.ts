import { and, eq, inArray } from "drizzle-orm";
import { clusters, projects } from "@/drizzle/schema";
import { writeAudit } from "@/lib/audit/write-audit";
import type { Ctx } from "@/lib/context";
import { engineOf, engineProjectOf } from "./engine";

export type RoleReconcileReport = {
  checked: number;
  repaired: { slug: string; repaired: string[] }[];
  failed: { slug: string; error: string }[];
};

/**
 * The worker's sweep behind the repair after every push: finds pooled projects whose roles no longer log in
 * with Flux's derived password, expire, or carry other defaults than their plan's (a role may change its own,
 * e.g. through /rpc as the API role), puts them back and audits each repair (`project.roles.repair`). One
 * catalog read per sweep when nothing changed.
 */
export async function reconcileTenantRoles(ctx: Pick<Ctx, "db" | "config">): Promise<RoleReconcileReport> {
  const rows = await ctx.db
    .select({ project: projects, clusterUrl: clusters.databaseUrl })
    .from(projects)
    .innerJoin(clusters, eq(clusters.id, projects.clusterId))
    .where(and(eq(projects.mode, "v2_shared"), inArray(projects.status, ["active", "suspended"])));
  const engine = engineOf(ctx, "v2_shared");
  // This installation's engine administers the configured cluster; projects elsewhere are that cluster's own.
  const local = rows.filter((row) => sameDatabase(row.clusterUrl, ctx.config.tenantDatabaseUrl));
  const bySlug = new Map(local.map((row) => [row.project.tenantId, row.project]));
  const drifted = await engine.projectsWithRoleDrift(
    local.map((row) => engineProjectOf(row.project, ctx.config.tenantDatabaseUrl)),
  );
  const report: RoleReconcileReport = { checked: local.length, repaired: [], failed: [] };
  for (const target of drifted) {
    const slug = bySlug.get(target.tenantId)?.slug ?? target.tenantId;
    try {
      const repaired = await engine.repairRoles(target);
      if (repaired.length === 0) continue;
      report.repaired.push({ slug, repaired });
      await writeAudit(ctx.db, {
        actorUserId: null,
        action: "project.roles.repair",
        targetType: "project",
        targetId: target.tenantId,
        tenantId: target.tenantId,
        details: { slug, repaired },
        requestId: `roles-reconcile-${new Date().toISOString()}`,
      });
    } catch (error) {
      report.failed.push({ slug, error: error instanceof Error ? error.message : String(error) });
    }
  }
  return report;
}

function sameDatabase(a: string, b: string): boolean {
  const [x, y] = [new URL(a), new URL(b)];
  return x.hostname === y.hostname && (x.port || "5432") === (y.port || "5432") && x.pathname === y.pathname;
}
