import type { Readable } from "node:stream";
import { FluxError } from "@/lib/api/errors";
import { writeAudit } from "@/lib/audit/write-audit";
import type { Ctx } from "@/lib/context";
import { getProjectForActorOrThrow } from "@/lib/projects/get-project-for-actor-or-throw";
import { requireMemberRole, WRITER_ROLES } from "@/lib/projects/require-member-role";
import { requireActor } from "@/lib/projects/require-actor";
import { artifactState, openArtifact } from "./artifact-store";
import type { BackupRow } from "./backup-row";
import { findBackupOrThrow, type BackupRef } from "./find-backup";

/**
 * `flux backup download`: the archive's bytes for an owner or developer (never viewers or support staff: it
 * is the tenant's data). Refuses a row whose file is gone or was never completely written.
 */
export async function downloadBackup({
  ctx,
  slug,
  ref,
}: {
  ctx: Ctx;
  slug: string;
  ref: BackupRef;
}): Promise<{ row: BackupRow; sizeBytes: number; stream: Readable }> {
  const actor = requireActor(ctx);
  const access = await getProjectForActorOrThrow(ctx, slug);
  requireMemberRole(access, WRITER_ROLES, "download a backup");
  const row = await findBackupOrThrow(ctx.db, access.project.tenantId, access.project.slug, ref);
  const retry = `pick an earlier row that still has its file (\`flux backup list --project ${access.project.slug} --verbose\`) or run \`flux backup create --project ${access.project.slug}\``;
  if (row.status === "writing" || row.status === "failed") {
    throw new FluxError(
      "conflict",
      `Backup ${row.id} never completed (${row.status}), so there is no archive to download; ${retry}.`,
    );
  }
  const state = await artifactState(row.sweptAt ? null : row.artifactPath);
  if (!state.present || !row.artifactPath) {
    throw new FluxError(
      "conflict",
      `The artifact of backup ${row.id} is missing on disk (retention or an operator removed it; the row remains as evidence); ${retry}.`,
    );
  }
  await writeAudit(ctx.db, {
    actorUserId: actor.userId,
    action: "backup.download",
    targetType: "backup",
    targetId: row.id,
    tenantId: access.project.tenantId,
    details: { slug: access.project.slug, sizeBytes: state.sizeBytes },
    requestId: ctx.requestId,
  });
  return { row, sizeBytes: state.sizeBytes, stream: openArtifact(row.artifactPath) };
}
