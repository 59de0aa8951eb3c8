import { writeAudit } from "@/lib/audit/write-audit";
import type { Ctx } from "@/lib/context";
import { measureArtifact } from "./artifact-store";
import { updateBackup, type BackupRow } from "./backup-row";

/** The flows that act on a backup's trust tier and so re-read its bytes first. */
export type TrustedFlow = "nuke" | "restore" | "reconcile" | "verify";

export type ArtifactBytes = { ok: true; row: BackupRow } | { ok: false; row: BackupRow; problem: string };

/**
 * A trust tier is a claim about bytes read in the past. Before a flow relies on it, this re-reads the artifact
 * (streaming) and compares its size and SHA-256 with what was recorded when it was written. On a mismatch the
 * row is demoted at once — `invalid` with the reason, so every reader classifies it `pipeline_incomplete` — and
 * the demotion is audited; a missing file is stamped `artifact_missing_at` the same way reconcile does.
 */
export async function checkArtifactBytes(
  ctx: Pick<Ctx, "db" | "actor" | "requestId">,
  row: BackupRow,
  flow: TrustedFlow,
): Promise<ArtifactBytes> {
  if (row.sweptAt) return { ok: false, row, problem: "artifact file is missing on disk (retention removed it)" };
  const measured = row.artifactPath ? await measureArtifact(row.artifactPath) : null;
  const now = new Date();
  if (!measured) {
    const problem = "artifact file is missing on disk";
    if (row.artifactMissingAt) return { ok: false, row, problem };
    return demote(ctx, row, flow, problem, { artifactMissingAt: now, reconciledAt: now });
  }
  if (measured.sizeBytes !== row.sizeBytes || measured.sha256 !== row.sha256) {
    const problem =
      `corrupted: ${measured.sizeBytes} bytes with SHA-256 ${measured.sha256} on disk, ` +
      `${row.sizeBytes ?? "no size"} bytes with SHA-256 ${row.sha256 ?? "none"} recorded when it was written`;
    if (row.status === "invalid" && row.statusReason === problem) return { ok: false, row, problem };
    return demote(ctx, row, flow, problem, { status: "invalid", statusReason: problem, reconciledAt: now });
  }
  return { ok: true, row };
}

/** The sentence every refusing flow uses: what happened to the backup and how to get a trustworthy one. */
export function corruptedBackupMessage(backupId: string, problem: string, slug: string): string {
  return (
    `Backup ${backupId} cannot be trusted: its artifact is ${problem.startsWith("corrupted") ? problem : `gone (${problem})`}. ` +
    `It is now marked pipeline_incomplete. Take a new backup and prove it: ` +
    `\`flux backup create --project ${slug}\`, then \`flux backup verify --project ${slug} --latest\`; ` +
    `check the artifact volume (FLUX_ARTIFACT_DIR) if this happens to more than one backup.`
  );
}

async function demote(
  ctx: Pick<Ctx, "db" | "actor" | "requestId">,
  row: BackupRow,
  flow: TrustedFlow,
  problem: string,
  patch: Parameters<typeof updateBackup>[2],
): Promise<ArtifactBytes> {
  const demoted = await ctx.db.transaction(async (tx) => {
    const updated = await updateBackup(tx, row.id, patch);
    await writeAudit(tx, {
      actorUserId: ctx.actor?.userId ?? null,
      action: "backup.demote",
      targetType: "backup",
      targetId: row.id,
      tenantId: row.tenantId,
      details: {
        slug: row.projectSlug,
        foundBy: flow,
        reason: problem,
        before: { status: row.status, verifyResult: row.verifyResult },
      },
      requestId: ctx.requestId,
    });
    return updated;
  });
  return { ok: false, row: demoted, problem };
}
