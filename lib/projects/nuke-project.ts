import { FluxError } from "@/lib/api/errors";
import { writeAudit } from "@/lib/audit/write-audit";
import { checkArtifactBytes, corruptedBackupMessage } from "@/lib/backups/check-artifact-bytes";
import { findBackupOrThrow } from "@/lib/backups/find-backup";
import { latestBackupTier, type LatestBackupTier } from "@/lib/backups/latest-tier";
import type { Ctx } from "@/lib/context";
import { deleteProjectNow } from "./delete-project-now";
import { getProjectForActorOrThrow } from "./get-project-for-actor-or-throw";
import { requireMemberRole } from "./require-member-role";
import { requireActor } from "./require-actor";

export type NukeOutcome = {
  slug: string;
  tenantId: string;
  deleted: true;
  backupCheckSkipped: boolean;
  latestBackup: LatestBackupTier | null;
  warning: string | null;
};

/**
 * `flux nuke`: the destructive-action gate. Deletes the project only when its latest backup is `restorable`;
 * otherwise refuses with the tier and the command that fixes it. `skipBackupCheck` proceeds anyway with a
 * warning. The refusal and the deletion are both audited.
 */
export async function nukeProject({
  ctx,
  slug,
  skipBackupCheck,
}: {
  ctx: Ctx;
  slug: string;
  skipBackupCheck: boolean;
}): Promise<NukeOutcome> {
  const actor = requireActor(ctx);
  const access = await getProjectForActorOrThrow(ctx, slug);
  requireMemberRole(access, ["owner"], "delete the project");
  const { project } = access;
  const { latest, corrupted } = await latestTierCheckedAgainstBytes(ctx, project);
  const gateOpen = latest?.tier === "restorable";
  const audit = {
    actorUserId: actor.userId,
    targetType: "project",
    targetId: project.tenantId,
    tenantId: project.tenantId,
    requestId: ctx.requestId,
  };
  const backupDetails = {
    latestBackupId: latest?.backupId ?? null,
    latestBackupTier: latest?.tier ?? null,
    ...(corrupted ? { latestBackupCorrupted: corrupted } : {}),
  };

  if (!gateOpen && !skipBackupCheck) {
    await writeAudit(ctx.db, {
      ...audit,
      action: "project.delete_refused",
      details: { slug: project.slug, ...backupDetails },
    });
    throw new FluxError(
      "conflict",
      corrupted && latest
        ? `Refusing to delete '${project.slug}': ${corruptedBackupMessage(latest.backupId, corrupted, project.slug)} ${SKIP}`
        : refusal(project.slug, latest),
    );
  }
  const warning = gateOpen
    ? null
    : `Deleting '${project.slug}' without a restorable backup (--skip-backup-check): ${latest ? `the latest backup ${latest.backupId} is ${latest.tier}${corrupted ? ` (${corrupted})` : ""}` : "it has no backup"}. Its data cannot be brought back from Flux.`;
  await deleteProjectNow(ctx, project, (tx) =>
    writeAudit(tx, {
      ...audit,
      action: "project.delete",
      details: { slug: project.slug, backupCheckSkipped: !gateOpen, ...backupDetails },
    }),
  );
  return {
    slug: project.slug,
    tenantId: project.tenantId,
    deleted: true,
    backupCheckSkipped: !gateOpen,
    latestBackup: latest,
    warning,
  };
}

const SKIP = "To delete without a restorable backup anyway, pass --skip-backup-check.";

/**
 * The latest backup's tier, and when that tier is `restorable`, its bytes re-read right now: the gate's claim
 * must hold for the file as it is at the moment of deleting, not as it was when it was verified.
 */
async function latestTierCheckedAgainstBytes(
  ctx: Ctx,
  { tenantId, slug }: { tenantId: string; slug: string },
): Promise<{ latest: LatestBackupTier | null; corrupted: string | null }> {
  const latest = await latestBackupTier(ctx, tenantId);
  if (latest?.tier !== "restorable") return { latest, corrupted: null };
  const row = await findBackupOrThrow(ctx.db, tenantId, slug, { id: latest.backupId });
  const bytes = await checkArtifactBytes(ctx, row, "nuke");
  if (bytes.ok) return { latest, corrupted: null };
  return { latest: await latestBackupTier(ctx, tenantId), corrupted: bytes.problem };
}

function refusal(slug: string, latest: LatestBackupTier | null): string {
  if (!latest) {
    return `Refusing to delete '${slug}': it has no backup, and deletion needs its latest backup to be restorable. Run \`flux backup create --project ${slug}\`, then \`flux backup verify --project ${slug} --latest\`. ${SKIP}`;
  }
  return `Refusing to delete '${slug}': its latest backup ${latest.backupId} is ${latest.tier} (${latest.meaning}), and deletion needs it to be restorable. Fix: ${latest.fix}. ${SKIP}`;
}
