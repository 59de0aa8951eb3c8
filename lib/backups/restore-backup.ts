import { and, eq } from "drizzle-orm";
import { backups, projects } from "@/drizzle/schema";
import { FluxError } from "@/lib/api/errors";
import { writeAudit } from "@/lib/audit/write-audit";
import type { Ctx } from "@/lib/context";
import { createProject } from "@/lib/projects/create-project";
import { deleteProjectNow } from "@/lib/projects/delete-project-now";
import { engineOf, engineProjectOf } from "@/lib/projects/engine";
import { getProjectForActorOrThrow } from "@/lib/projects/get-project-for-actor-or-throw";
import { requireMemberRole, WRITER_ROLES } from "@/lib/projects/require-member-role";
import { requireActor } from "@/lib/projects/require-actor";
import type { ProjectRow } from "@/lib/projects/types";
import pg from "pg";
import type { BackupRow } from "./backup-row";
import { checkArtifactBytes, corruptedBackupMessage } from "./check-artifact-bytes";
import { findBackupOrThrow } from "./find-backup";
import { restoreIntoTenant } from "./restore-into-project";
import { diffTableStats, tableStatsOf } from "./table-stats";

/**
 * `flux backup restore --id … --into <new-slug>`: a new project holding the backup's data — the way out when
 * the original is broken or gone. The source project's owners and developers may restore; once it is deleted,
 * the person who took the backup or who owned the project then. On any failure the new project is removed.
 */
export async function restoreBackup({
  ctx,
  slug,
  id,
  into,
}: {
  ctx: Ctx;
  slug: string;
  id: string;
  into: string;
}): Promise<{ project: ProjectRow; backup: BackupRow }> {
  const actor = requireActor(ctx);
  const backup = await sourceBackup(ctx, slug, id);
  if (backup.verifyResult === "failed") {
    throw new FluxError(
      "conflict",
      `Backup ${backup.id} failed its restore verification (restore_failed); restore from another backup (\`flux backup list --project ${slug}\`).`,
    );
  }
  if (backup.status !== "validated") {
    const why =
      backup.status === "invalid"
        ? `it was marked invalid: ${backup.statusReason ?? "no reason recorded"}`
        : `its pipeline never completed (${backup.status})`;
    throw new FluxError(
      "conflict",
      `Backup ${backup.id} cannot be restored: ${why}. Pick another backup (\`flux backup list --project ${slug} --verbose\`).`,
    );
  }
  // Right before reading the archive: the bytes must still be the ones that were verified.
  const bytes = await checkArtifactBytes(ctx, backup, "restore");
  if (!bytes.ok)
    throw new FluxError(
      "conflict",
      `${corruptedBackupMessage(backup.id, bytes.problem, slug)} Or restore another backup (\`flux backup list --project ${slug} --verbose\`).`,
    );

  const [source] = await ctx.db
    .select({ plan: projects.plan })
    .from(projects)
    .where(eq(projects.tenantId, backup.tenantId));
  const project = await createProject({
    ctx,
    input: { slug: into, plan: source?.plan ?? "free", mode: "v2_shared" },
    planFromBackup: true,
  });
  try {
    const credentials = engineOf(ctx, project.mode).getCredentials(
      engineProjectOf(project, ctx.config.tenantDatabaseUrl),
    );
    if (!backup.artifactPath) throw new Error("backup has no artifact path");
    await restoreIntoTenant(ctx.config, backup.artifactPath, backup.tenantId, credentials);
    const restored = await withAdmin(ctx.config.tenantDatabaseUrl, (client) =>
      tableStatsOf(client, credentials.schema),
    );
    const problems = diffTableStats(backup.tableStats ?? [], restored);
    if (problems.length > 0)
      throw new FluxError("conflict", `The restored data does not match the backup: ${problems.join("; ")}`);
  } catch (error) {
    await deleteProjectNow(ctx, project).catch(() => undefined);
    if (error instanceof FluxError) throw error;
    throw new FluxError("internal", `Restoring backup ${backup.id} into '${into}' failed; nothing was kept.`, {
      cause: error,
    });
  }
  await writeAudit(ctx.db, {
    actorUserId: actor.userId,
    action: "backup.restore",
    targetType: "project",
    targetId: project.tenantId,
    tenantId: project.tenantId,
    details: { slug: project.slug, fromBackup: backup.id, fromSlug: backup.projectSlug, fromTenantId: backup.tenantId },
    requestId: ctx.requestId,
  });
  return { project, backup };
}

async function sourceBackup(ctx: Ctx, slug: string, id: string): Promise<BackupRow> {
  const actor = requireActor(ctx);
  const [live] = await ctx.db
    .select({ tenantId: projects.tenantId })
    .from(projects)
    .where(eq(projects.slug, slug.trim().toLowerCase()));
  if (live) {
    const access = await getProjectForActorOrThrow(ctx, slug);
    requireMemberRole(access, WRITER_ROLES, "restore a backup");
    return findBackupOrThrow(ctx.db, access.project.tenantId, access.project.slug, { id });
  }
  // The project is gone: its backups are still in the catalog under the slug it had.
  const [row] = await ctx.db
    .select()
    .from(backups)
    .where(and(eq(backups.id, id), eq(backups.projectSlug, slug.trim().toLowerCase())));
  const mayRestore =
    row && (row.createdBy === actor.userId || row.projectOwnerId === actor.userId || actor.platformRole === "admin");
  const [stillLive] = row
    ? await ctx.db.select({ t: projects.tenantId }).from(projects).where(eq(projects.tenantId, row.tenantId))
    : [];
  if (!row || !mayRestore || stillLive) {
    throw new FluxError(
      "not_found",
      `No backup '${id}' of project '${slug}' that you may restore; list them with \`flux backup list --project ${slug}\`.`,
    );
  }
  return row;
}

async function withAdmin<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url, application_name: "flux-restore" });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}
