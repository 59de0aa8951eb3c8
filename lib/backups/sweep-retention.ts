import { desc, eq, isNull } from "drizzle-orm";
import { backups, projects } from "@/drizzle/schema";
import type { Ctx } from "@/lib/context";
import { removeArtifact } from "./artifact-store";
import { updateBackup, type BackupRow } from "./backup-row";
import { BACKUP_POLICY, ORPHAN_POLICY } from "./plan-policy";

/**
 * Retention: removes the artifacts a tenant's plan no longer keeps and stamps swept_at (the row stays as
 * evidence, shown with an empty artifact path). Returns the swept backup ids.
 */
export async function sweepRetention(ctx: Pick<Ctx, "db">, now = new Date()): Promise<string[]> {
  const rows = await ctx.db
    .select({ backup: backups, plan: projects.plan })
    .from(backups)
    .leftJoin(projects, eq(projects.tenantId, backups.tenantId))
    .where(isNull(backups.sweptAt))
    .orderBy(backups.tenantId, desc(backups.createdAt));
  const byTenant = new Map<string, { rows: BackupRow[]; plan: keyof typeof BACKUP_POLICY | null }>();
  for (const { backup, plan } of rows) {
    const entry = byTenant.get(backup.tenantId) ?? { rows: [], plan };
    entry.rows.push(backup);
    byTenant.set(backup.tenantId, entry);
  }
  const swept: string[] = [];
  for (const { rows: tenantRows, plan } of byTenant.values()) {
    for (const row of expiredRows(tenantRows, plan ? BACKUP_POLICY[plan] : ORPHAN_POLICY, now)) {
      if (row.artifactPath) await removeArtifact(row.artifactPath);
      await updateBackup(ctx.db, row.id, { sweptAt: now });
      swept.push(row.id);
    }
  }
  return swept;
}

/** Pure: which of one tenant's rows (newest first) retention removes. */
export function expiredRows(
  newestFirst: BackupRow[],
  policy: { keepDays: number; keepAtLeast: number },
  now: Date,
): BackupRow[] {
  const cutoff = now.getTime() - policy.keepDays * 86_400_000;
  const newestRestorable = newestFirst.find(
    (row) => row.verifyResult === "passed" && row.status === "validated" && !row.artifactMissingAt,
  );
  return newestFirst.filter(
    (row, index) =>
      index >= policy.keepAtLeast &&
      row.createdAt.getTime() < cutoff &&
      row !== newestRestorable &&
      row.status !== "writing",
  );
}
