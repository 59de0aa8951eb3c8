import { and, eq, isNull, ne } from "drizzle-orm";
import { backups } from "@/drizzle/schema";
import type { Ctx } from "@/lib/context";
import { artifactState } from "./artifact-store";
import { updateBackup } from "./backup-row";
import { checkArtifactBytes } from "./check-artifact-bytes";

export type ReconcileReport = { checked: number; missing: string[]; corrupted: string[] };

/**
 * Looks at every finished row's file on disk and stamps reconciled_at. A validated row's file is re-hashed
 * (streaming): a file whose size or SHA-256 no longer matches is demoted to `invalid` and audited, so neither
 * the destructive-action gate nor retention's "keep the newest restorable" trusts it. A missing file sets
 * artifact_missing_at (the row stays as evidence; its tier becomes pipeline_incomplete). `tenantId` narrows it
 * to one project; the worker runs it for all.
 */
export async function reconcileArtifacts(
  ctx: Pick<Ctx, "db">,
  scope: { tenantId?: string } = {},
): Promise<ReconcileReport> {
  const rows = await ctx.db
    .select()
    .from(backups)
    .where(
      and(
        ne(backups.status, "writing"),
        ne(backups.status, "failed"),
        isNull(backups.sweptAt),
        isNull(backups.artifactMissingAt),
        scope.tenantId ? eq(backups.tenantId, scope.tenantId) : undefined,
      ),
    );
  const report: ReconcileReport = { checked: rows.length, missing: [], corrupted: [] };
  const now = new Date();
  const worker = { db: ctx.db, actor: null, requestId: `reconcile-${now.toISOString()}` };
  for (const row of rows) {
    if (row.status === "validated") {
      const bytes = await checkArtifactBytes(worker, row, "reconcile");
      if (bytes.ok) await updateBackup(ctx.db, row.id, { reconciledAt: now });
      else (bytes.row.artifactMissingAt ? report.missing : report.corrupted).push(row.id);
      continue;
    }
    const state = await artifactState(row.artifactPath);
    if (!state.present) report.missing.push(row.id);
    await updateBackup(
      ctx.db,
      row.id,
      state.present ? { reconciledAt: now } : { reconciledAt: now, artifactMissingAt: now },
    );
  }
  return report;
}
