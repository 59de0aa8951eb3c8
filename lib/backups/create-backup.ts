import { writeAudit } from "@/lib/audit/write-audit";
import type { Ctx } from "@/lib/context";
import { getProjectForActorOrThrow } from "@/lib/projects/get-project-for-actor-or-throw";
import { requireActive, requireMemberRole, WRITER_ROLES } from "@/lib/projects/require-member-role";
import { requireActor } from "@/lib/projects/require-actor";
import type { BackupRow } from "./backup-row";
import { runBackup } from "./run-backup";
import { tierOfRow } from "./tier-of-row";
import type { BackupTier } from "./tiers";

/** `flux backup create`: an owner or developer takes a tenant export now; audited with its outcome. */
export async function createBackup({
  ctx,
  slug,
  label,
}: {
  ctx: Ctx;
  slug: string;
  label?: string;
}): Promise<{ row: BackupRow; tier: BackupTier }> {
  const actor = requireActor(ctx);
  const access = await getProjectForActorOrThrow(ctx, slug);
  requireMemberRole(access, WRITER_ROLES, "create a backup");
  requireActive(access);
  const row = await runBackup(ctx, access.project, { label: label ?? "manual", createdBy: actor.userId });
  await writeAudit(ctx.db, {
    actorUserId: actor.userId,
    action: "backup.create",
    targetType: "backup",
    targetId: row.id,
    tenantId: access.project.tenantId,
    details: { slug: access.project.slug, status: row.status, sizeBytes: row.sizeBytes, sha256: row.sha256 },
    requestId: ctx.requestId,
  });
  return { row, tier: await tierOfRow(row, true) };
}
