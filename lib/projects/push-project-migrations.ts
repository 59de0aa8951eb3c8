import { FluxError } from "@/lib/api/errors";
import { parseInput } from "@/lib/api/parse-input";
import { writeAudit } from "@/lib/audit/write-audit";
import type { Ctx } from "@/lib/context";
import {
  MigrationConflictError,
  MigrationFailedError,
  MigrationInputError,
  pushMigrations,
  type PushedFile,
  type PushOutcome,
} from "@/lib/migrations";
import { OwnerConnectionLimitError, PushInProgressError } from "@/lib/engines";
import { engineOf, engineProjectOf } from "./engine";
import { getProjectForActorOrThrow } from "./get-project-for-actor-or-throw";
import { PushMigrationsInput } from "./inputs";
import { requireActive, requireMemberRole, WRITER_ROLES } from "./require-member-role";

/**
 * `flux push`: applies a project's pending migration files as the tenant's owner role (decision 0023) and
 * audits what changed. Bad files are a 400, a changed or out-of-order file a 409, SQL that PostgreSQL
 * refuses a 422 naming the file, the line and what was kept.
 */
export async function pushProjectMigrations({
  ctx,
  slug,
  input,
}: {
  ctx: Ctx;
  slug: string;
  input: unknown;
}): Promise<PushOutcome> {
  const access = await getProjectForActorOrThrow(ctx, slug);
  requireMemberRole(access, WRITER_ROLES, "push migrations");
  requireActive(access);
  const parsed = parseInput(PushMigrationsInput, input);
  const { project } = access;
  const audit = (files: PushedFile[], failed: string | null) =>
    writeAudit(ctx.db, {
      actorUserId: ctx.actor?.userId ?? null,
      action: "project.migrations.push",
      targetType: "project",
      targetId: project.tenantId,
      tenantId: project.tenantId,
      details: {
        slug: project.slug,
        force: parsed.force,
        failed,
        files: files.filter((f) => f.status !== "unchanged").map(auditEntry),
      },
      requestId: ctx.requestId,
    });

  try {
    const outcome = await pushMigrations({
      engine: engineOf(ctx, project.mode),
      project: engineProjectOf(project, access.clusterDatabaseUrl),
      files: parsed.files,
      dryRun: parsed.dryRun,
      force: parsed.force,
      actorUserId: ctx.actor?.userId ?? null,
    });
    // The SQL ran in the tenant database, so this row cannot share its transactions; it records the outcome.
    if (!outcome.dryRun && outcome.files.some((f) => f.status !== "unchanged")) await audit(outcome.files, null);
    return outcome;
  } catch (err) {
    if (err instanceof MigrationInputError) throw new FluxError("bad_request", err.message, { cause: err });
    if (err instanceof MigrationConflictError) throw new FluxError("conflict", err.message, { cause: err });
    if (err instanceof PushInProgressError || err instanceof OwnerConnectionLimitError)
      throw new FluxError("conflict", `Project '${project.slug}': ${err.message}`, { cause: err });
    if (err instanceof MigrationFailedError) {
      if (!parsed.dryRun && err.done.some((f) => f.status !== "unchanged")) await audit(err.done, err.failure.message);
      throw new FluxError("unprocessable", err.message, { cause: err });
    }
    throw err;
  }
}

const auditEntry = (file: PushedFile) => ({
  version: file.version,
  fileName: file.fileName,
  status: file.status,
  checksum: file.checksum,
  outOfOrder: file.outOfOrder,
  previousChecksum: file.previousChecksum,
});
