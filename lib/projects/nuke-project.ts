import { FluxError } from "@/lib/api/errors";
import { writeAudit } from "@/lib/audit/write-audit";
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
  const latest = await latestBackupTier(ctx, project.tenantId);
  const gateOpen = latest?.tier === "restorable";
  const audit = {
    actorUserId: actor.userId,
    targetType: "project",
    targetId: project.tenantId,
    tenantId: project.tenantId,
    requestId: ctx.requestId,
  };
  const backupDetails = { latestBackupId: latest?.backupId ?? null, latestBackupTier: latest?.tier ?? null };

  if (!gateOpen && !skipBackupCheck) {
    await writeAudit(ctx.db, {
      ...audit,
      action: "project.delete_refused",
      details: { slug: project.slug, ...backupDetails },
    });
    throw new FluxError("conflict", refusal(project.slug, latest));
  }
  const warning = gateOpen
    ? null
    : `Deleting '${project.slug}' without a restorable backup (--skip-backup-check): ${latest ? `the latest backup ${latest.backupId} is ${latest.tier}` : "it has no backup"}. Its data cannot be brought back from Flux.`;
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

function refusal(slug: string, latest: LatestBackupTier | null): string {
  const skip = "To delete without a restorable backup anyway, pass --skip-backup-check.";
  if (!latest) {
    return `Refusing to delete '${slug}': it has no backup, and deletion needs its latest backup to be restorable. Run \`flux backup create --project ${slug}\`, then \`flux backup verify --project ${slug} --latest\`. ${skip}`;
  }
  return `Refusing to delete '${slug}': its latest backup ${latest.backupId} is ${latest.tier} (${latest.meaning}), and deletion needs it to be restorable. Fix: ${latest.fix}. ${skip}`;
}
