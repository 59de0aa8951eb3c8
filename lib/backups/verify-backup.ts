import { writeAudit } from "@/lib/audit/write-audit";
import type { Ctx } from "@/lib/context";
import { getProjectForActorOrThrow } from "@/lib/projects/get-project-for-actor-or-throw";
import { requireMemberRole, WRITER_ROLES } from "@/lib/projects/require-member-role";
import { requireActor } from "@/lib/projects/require-actor";
import { latestBackupRow, findBackupOrThrow, type BackupRef } from "./find-backup";
import { restoreCheck } from "./restore-check";
import { tierOfRow } from "./tier-of-row";
import { updateBackup, type BackupRow } from "./backup-row";
import { artifactProblem, validateBackup } from "./validate-backup";
import type { BackupTier } from "./tiers";
import { FluxError } from "@/lib/api/errors";

export type VerifyOutcome = { row: BackupRow; tier: BackupTier; problems: string[] };

/** `flux backup verify`: owner or developer; the outcome (whatever the tier) is the answer, and audited. */
export async function verifyBackup({
  ctx,
  slug,
  ref,
}: {
  ctx: Ctx;
  slug: string;
  ref: BackupRef;
}): Promise<VerifyOutcome> {
  const actor = requireActor(ctx);
  const access = await getProjectForActorOrThrow(ctx, slug);
  requireMemberRole(access, WRITER_ROLES, "verify a backup");
  const row = await findBackupOrThrow(ctx.db, access.project.tenantId, access.project.slug, ref);
  const outcome = await runVerification(ctx, row);
  await writeAudit(ctx.db, {
    actorUserId: actor.userId,
    action: "backup.verify",
    targetType: "backup",
    targetId: row.id,
    tenantId: access.project.tenantId,
    details: { slug: access.project.slug, tier: outcome.tier, problems: outcome.problems.slice(0, 5) },
    requestId: ctx.requestId,
  });
  return outcome;
}

/**
 * Re-checks the file (size, SHA-256: a mismatch is `pipeline_incomplete`), then proves it by restoring it
 * (`restore_failed` or `restorable`). Only this path ever writes verify_result = passed.
 */
export async function runVerification(ctx: Pick<Ctx, "db" | "config">, original: BackupRow): Promise<VerifyOutcome> {
  let row = original;
  if (row.status === "writing" || row.status === "failed") {
    throw new FluxError(
      "conflict",
      `Backup ${row.id} never finished writing (${row.status}); there is nothing to verify. Create a new one with \`flux backup create --project ${row.projectSlug}\`.`,
    );
  }
  if (row.status === "artifact_pending") row = await validateBackup(ctx, row.id);
  const problem = row.status === "invalid" ? row.statusReason : await artifactProblem(ctx, row);
  if (problem) {
    const now = new Date();
    row = await updateBackup(ctx.db, row.id, {
      status: "invalid",
      statusReason: problem,
      ...(problem.includes("missing on disk")
        ? { artifactMissingAt: row.artifactMissingAt ?? now, reconciledAt: now }
        : {}),
    });
    return { row, tier: await tierOfRow(row, await isLatest(ctx, row)), problems: [problem] };
  }
  const problems = await restoreCheck(ctx, row);
  row = await updateBackup(ctx.db, row.id, {
    verifiedAt: new Date(),
    verifyResult: problems.length === 0 ? "passed" : "failed",
    verifyError: problems.length === 0 ? null : problems.join("\n").slice(0, 4_000),
  });
  return { row, tier: await tierOfRow(row, await isLatest(ctx, row)), problems };
}

const isLatest = async (ctx: Pick<Ctx, "db">, row: BackupRow) =>
  (await latestBackupRow(ctx.db, row.tenantId))?.id === row.id;
