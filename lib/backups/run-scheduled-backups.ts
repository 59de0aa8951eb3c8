import { and, desc, eq, sql } from "drizzle-orm";
import { projects } from "@/drizzle/schema";
import type { Ctx } from "@/lib/context";
import { BACKUP_POLICY } from "./plan-policy";
import { reconcileArtifacts } from "./reconcile-artifacts";
import { runBackup } from "./run-backup";
import { sweepRetention } from "./sweep-retention";
import { runVerification } from "./verify-backup";

export type ScheduleReport = {
  created: string[];
  failed: { slug: string; error: string }[];
  swept: string[];
  missing: string[];
  /** Validated backups whose bytes no longer match their recorded SHA-256 (demoted this tick). */
  corrupted: string[];
};

/**
 * One tick of the worker's backup schedule: every active pooled project whose newest backup is older than
 * its plan's interval gets a new backup, verified at once (a schedule that left backups unverified would leave
 * the destructive-action gate closed); then reconcile and retention. One project's failure does not stop the
 * others.
 */
export async function runScheduledBackups(
  ctx: Pick<Ctx, "db" | "config">,
  now = new Date(),
  scope: { tenantId?: string } = {},
): Promise<ScheduleReport> {
  const due = await ctx.db
    // Spelled out with an alias: drizzle renders a column inside sql`` without its table, and the unqualified
    // tenant_id would bind to backups on both sides (every backup of every project would count).
    .select({
      project: projects,
      last: sql<Date | null>`(select max(b.created_at) from backups b where b.tenant_id = "projects"."tenant_id")`,
    })
    .from(projects)
    .where(
      and(
        eq(projects.status, "active"),
        eq(projects.mode, "v2_shared"),
        scope.tenantId ? eq(projects.tenantId, scope.tenantId) : undefined,
      ),
    )
    .orderBy(desc(projects.createdAt));
  const report: ScheduleReport = { created: [], failed: [], swept: [], missing: [], corrupted: [] };
  for (const { project, last } of due) {
    const everyMs = BACKUP_POLICY[project.plan].everyHours * 3_600_000;
    if (last && now.getTime() - new Date(last).getTime() < everyMs) continue;
    try {
      const row = await runBackup(ctx, project, { label: "scheduled", createdBy: null });
      if (row.status === "validated") await runVerification(ctx, row);
      report.created.push(row.id);
    } catch (error) {
      report.failed.push({ slug: project.slug, error: error instanceof Error ? error.message : String(error) });
    }
  }
  // Reconcile (which re-hashes) runs before retention, so retention's "never remove the newest restorable
  // backup" protects one whose bytes were just proven, not one that is corrupted.
  const reconciled = await reconcileArtifacts(ctx, scope);
  report.missing = reconciled.missing;
  report.corrupted = reconciled.corrupted;
  report.swept = await sweepRetention(ctx, now);
  return report;
}
