import { MigrationInputError, pushSql } from "@/lib/migrations";
import { FluxError } from "@/lib/api/errors";
import { parseInput } from "@/lib/api/parse-input";
import { writeAudit } from "@/lib/audit/write-audit";
import type { Ctx } from "@/lib/context";
import { TenantSqlError, type AppliedSql } from "@/lib/engines";
import { engineOf, engineProjectOf } from "./engine";
import { getProjectForActorOrThrow } from "./get-project-for-actor-or-throw";
import { PushProjectSqlInput } from "./inputs";
import { requireActive, requireMemberRole, WRITER_ROLES } from "./require-member-role";

/**
 * Applies one SQL file to the project's schema (as the tenant's owner role, through its engine) and records
 * who did it. SQL that PostgreSQL refuses is the caller's to fix: a 422 quoting PostgreSQL's message.
 */
export async function pushProjectSql({
  ctx,
  slug,
  input,
}: {
  ctx: Ctx;
  slug: string;
  input: PushProjectSqlInput;
}): Promise<AppliedSql> {
  const access = await getProjectForActorOrThrow(ctx, slug);
  requireMemberRole(access, WRITER_ROLES, "push SQL");
  requireActive(access);
  const parsed = parseInput(PushProjectSqlInput, input);
  const { project } = access;

  let applied: AppliedSql;
  try {
    applied = await pushSql({
      engine: engineOf(ctx, project.mode),
      project: engineProjectOf(project, access.clusterDatabaseUrl),
      name: parsed.name,
      sql: parsed.sql,
      actorUserId: ctx.actor?.userId ?? null,
    });
  } catch (err) {
    if (err instanceof MigrationInputError) throw new FluxError("bad_request", err.message, { cause: err });
    if (err instanceof TenantSqlError) throw new FluxError("unprocessable", err.message, { cause: err });
    throw err;
  }

  // The SQL ran in the tenant database, so this row cannot share its transaction; it records the outcome.
  await writeAudit(ctx.db, {
    actorUserId: ctx.actor?.userId ?? null,
    action: "project.sql.push",
    targetType: "project",
    targetId: project.tenantId,
    tenantId: project.tenantId,
    details: { slug: project.slug, version: applied.version, name: applied.name, checksum: applied.checksum },
    requestId: ctx.requestId,
  });
  return applied;
}
