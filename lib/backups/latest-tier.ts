import { eq } from "drizzle-orm";
import { projects } from "@/drizzle/schema";
import type { Ctx } from "@/lib/context";
import { latestBackupRow } from "./find-backup";
import { tierOfRow } from "./tier-of-row";
import { nextActionFor, TIER_MEANING, type BackupTier } from "./tiers";

export type LatestBackupTier = {
  tier: BackupTier;
  backupId: string;
  meaning: string;
  /** The command that moves the project towards a restorable backup ("nothing…" when it already is). */
  fix: string;
};

/**
 * The tier of the project's newest backup, or null when it has none. Used by the destructive-action gate
 * and `flux diagnose`; no authorization here, callers have already resolved the project for their actor.
 */
export async function latestBackupTier(ctx: Pick<Ctx, "db">, projectId: string): Promise<LatestBackupTier | null> {
  const latest = await latestBackupRow(ctx.db, projectId);
  if (!latest) return null;
  const [project] = await ctx.db
    .select({ slug: projects.slug })
    .from(projects)
    .where(eq(projects.tenantId, projectId))
    .limit(1);
  const tier = await tierOfRow(latest, true);
  return {
    tier,
    backupId: latest.id,
    meaning: TIER_MEANING[tier],
    fix: nextActionFor(tier, project?.slug ?? latest.projectSlug, latest.id),
  };
}
