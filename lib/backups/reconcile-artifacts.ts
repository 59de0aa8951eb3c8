import { and, eq, isNull, ne } from "drizzle-orm";
import { backups } from "@/drizzle/schema";
import type { Ctx } from "@/lib/context";
import { artifactState } from "./artifact-store";
import { updateBackup } from "./backup-row";

/**
 * Looks for every finished row's file on disk: stamps reconciled_at, and sets artifact_missing_at on rows
 * whose file is gone (the row stays as evidence; its tier becomes pipeline_incomplete). `tenantId` narrows
 * it to one project; the worker runs it for all.
 */
export async function reconcileArtifacts(
  ctx: Pick<Ctx, "db">,
  scope: { tenantId?: string } = {},
): Promise<{ checked: number; missing: string[] }> {
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
  const missing: string[] = [];
  const now = new Date();
  for (const row of rows) {
    const state = await artifactState(row.artifactPath);
    if (!state.present) missing.push(row.id);
    await updateBackup(
      ctx.db,
      row.id,
      state.present ? { reconciledAt: now } : { reconciledAt: now, artifactMissingAt: now },
    );
  }
  return { checked: rows.length, missing };
}
