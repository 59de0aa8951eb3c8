import { eq } from "drizzle-orm";
import { projects } from "@/drizzle/schema";
import { FluxError } from "@/lib/api/errors";
import { writeAudit } from "@/lib/audit/write-audit";
import { evictProjectHosts } from "@/lib/cache/evict-project-hosts";
import type { Ctx } from "@/lib/context";
import { busyAsConflict } from "./busy-as-conflict";
import { engineOf, engineProjectOf } from "./engine";
import { getProjectForActorOrThrow } from "./get-project-for-actor-or-throw";
import { requireMemberRole } from "./require-member-role";
import type { ProjectAccess, ProjectRow } from "./types";

/**
 * Suspends (gateway answers 423 FLUX-GW-SUSPENDED, tenant roles lose LOGIN) or resumes a project: its owner, or
 * a platform admin (audited with the admin as actor and `byPlatformAdmin: true`). Each
 * direction fails safe: suspending marks the row first, so the gateway refuses even if the engine step fails;
 * resuming restores LOGIN first, so the gateway never serves a project whose roles cannot log in.
 * Asking for the state the project is already in changes nothing and writes no audit row.
 */
export async function setProjectSuspended({
  ctx,
  slug,
  suspended,
}: {
  ctx: Ctx;
  slug: string;
  suspended: boolean;
}): Promise<ProjectRow> {
  const access = await getProjectForActorOrThrow(ctx, slug);
  // A platform admin may stop (and restart) any project, e.g. one that abuses the platform; support staff may not.
  const byPlatformAdmin = access.memberRole !== "owner" && ctx.actor?.platformRole === "admin";
  if (!byPlatformAdmin) requireMemberRole(access, ["owner"], suspended ? "suspend the project" : "resume the project");
  const { project } = access;
  const target = suspended ? "suspended" : "active";
  if (project.status === target) return project;
  const from = suspended ? "active" : "suspended";
  if (project.status !== from) {
    throw new FluxError(
      "conflict",
      `Project '${project.slug}' is ${project.status}; only a ${from} project can be ${suspended ? "suspended" : "resumed"}.`,
    );
  }
  const engine = engineOf(ctx, project.mode);
  const engineProject = engineProjectOf(project, access.clusterDatabaseUrl);
  if (suspended) {
    const row = await markStatus(ctx, access, target, byPlatformAdmin);
    await busyAsConflict(project.slug, () => engine.setSuspended(engineProject, true));
    return row;
  }
  await busyAsConflict(project.slug, () => engine.setSuspended(engineProject, false));
  return markStatus(ctx, access, target, byPlatformAdmin);
}

async function markStatus(
  ctx: Ctx,
  { project }: ProjectAccess,
  status: "active" | "suspended",
  byPlatformAdmin: boolean,
): Promise<ProjectRow> {
  const row = await ctx.db.transaction(async (tx) => {
    const [updated] = await tx
      .update(projects)
      .set({ status, updatedAt: new Date() })
      .where(eq(projects.tenantId, project.tenantId))
      .returning();
    if (!updated) throw new Error(`project ${project.tenantId} vanished during a status change`);
    await writeAudit(tx, {
      actorUserId: ctx.actor?.userId ?? null,
      action: status === "suspended" ? "project.suspend" : "project.resume",
      targetType: "project",
      targetId: project.tenantId,
      tenantId: project.tenantId,
      details: {
        slug: project.slug,
        before: { status: project.status },
        after: { status },
        ...(byPlatformAdmin ? { byPlatformAdmin: true } : {}),
      },
      requestId: ctx.requestId,
    });
    return updated;
  });
  await evictProjectHosts(ctx, row);
  return row;
}
