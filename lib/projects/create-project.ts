import { eq } from "drizzle-orm";
import { projects } from "@/drizzle/schema";
import { parseInput } from "@/lib/api/parse-input";
import { writeAudit } from "@/lib/audit/write-audit";
import { evictProjectHosts } from "@/lib/cache/evict-project-hosts";
import type { Ctx } from "@/lib/context";
import { engineOf, engineProjectOf } from "./engine";
import { CreateProjectInput } from "./inputs";
import { insertProjectRecords } from "./insert-project-records";
import { requirePlanAllowed } from "./plan-policy";
import { rollBackFailedProvisioning } from "./roll-back-failed-provisioning";
import { requireActor } from "./require-actor";
import type { ProjectRow } from "./types";

/**
 * Creates a project end to end: records (one transaction), then the tenant's schema and roles through the
 * engine of its explicit mode, then status "active". A failed provisioning leaves nothing behind. Plans above
 * free are a platform admin's to grant, and each account may own FLUX_MAX_PROJECTS_PER_USER projects.
 */
export async function createProject({
  ctx,
  input,
  planFromBackup = false,
}: {
  ctx: Ctx;
  input: CreateProjectInput;
  /** A restore keeps the plan its source project was granted, rather than asking an admin for it again. */
  planFromBackup?: boolean;
}): Promise<ProjectRow> {
  const actor = requireActor(ctx);
  const parsed = parseInput(CreateProjectInput, input);
  if (!planFromBackup) requirePlanAllowed(actor, parsed.slug, null, parsed.plan);
  const { project, clusterDatabaseUrl } = await insertProjectRecords(ctx, actor, {
    slug: parsed.slug,
    plan: parsed.plan,
    mode: parsed.mode,
    name: parsed.name ?? parsed.slug,
  });

  const engine = engineOf(ctx, project.mode);
  const engineProject = engineProjectOf(project, clusterDatabaseUrl);
  try {
    await engine.provisionProject(engineProject);
  } catch (err) {
    throw await rollBackFailedProvisioning(ctx, { project, engine, engineProject, cause: err });
  }

  const activated = await ctx.db.transaction(async (tx) => {
    const [active] = await tx
      .update(projects)
      .set({ status: "active", updatedAt: new Date() })
      .where(eq(projects.tenantId, project.tenantId))
      .returning();
    if (!active) throw new Error(`project ${project.tenantId} vanished while it was being provisioned`);
    await writeAudit(tx, {
      actorUserId: actor.userId,
      action: "project.activate",
      targetType: "project",
      targetId: project.tenantId,
      tenantId: project.tenantId,
      details: { slug: project.slug },
      requestId: ctx.requestId,
    });
    return active;
  });
  // A gateway asked during provisioning cached "provisioning" (503); it should see the project now.
  await evictProjectHosts(ctx, activated);
  return activated;
}
