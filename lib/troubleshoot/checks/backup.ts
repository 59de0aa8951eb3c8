import { latestBackupTier } from "@/lib/backups/latest-tier";
import type { Ctx } from "@/lib/context";
import type { CheckOutcome } from "./types";

/** The latest backup's trust tier, its id and the command that fixes it; null when the project has no backup. */
export type LatestBackupTier = { tier: string; id: string; fix: string };
export type LatestBackupTierLookup = (projectId: string) => Promise<LatestBackupTier | null>;

/** The real lookup (lib/backups/latest-tier.ts, the same classifier as the destructive-action gate). */
export function backupTierLookup(ctx: Pick<Ctx, "db">): LatestBackupTierLookup {
  return async (projectId) => {
    const latest = await latestBackupTier(ctx, projectId);
    return latest && { tier: latest.tier, id: latest.backupId, fix: latest.fix };
  };
}

/**
 * The last layer: a request can pass every data-plane check while the project's destructive-action gate would
 * still refuse, because its latest backup is not restore-verified. Without a lookup the layer is skipped.
 */
export async function checkBackup(
  tenantId: string,
  slug: string,
  lookup: LatestBackupTierLookup | undefined,
): Promise<CheckOutcome> {
  if (!lookup) return { evidence: ["backup: not checked (no backup catalogue in this build)"] };
  const latest = await lookup(tenantId);
  if (!latest) {
    return {
      evidence: [],
      refusal: {
        code: "FLUX-DIAG-NO-BACKUP",
        evidence: ["backup: the project has no backup yet"],
        fix: [`flux backup create --project ${slug}`, `flux backup verify --project ${slug} --latest`],
      },
    };
  }
  if (latest.tier === "restorable")
    return { evidence: [`backup: latest backup ${latest.id} is restore-verified (restorable)`] };
  return {
    evidence: [],
    refusal: {
      code: latest.tier,
      evidence: [`backup: latest backup ${latest.id} is ${latest.tier}, not restore-verified`],
      fix: [latest.fix],
    },
  };
}
