import { and, eq } from "drizzle-orm";
import { clusters, projectMembers, projects } from "@/drizzle/schema";
import { FluxError } from "@/lib/api/errors";
import { isPlatformStaff, type Ctx } from "@/lib/context";
import { requireActor } from "./require-actor";
import type { ProjectAccess } from "./types";

/**
 * The project with this slug, if the actor may see it: members, or platform staff (admin/support).
 * Anyone else gets the same not-found as for a slug that does not exist, so existence is not revealed.
 */
export async function getProjectForActorOrThrow(ctx: Ctx, slug: string): Promise<ProjectAccess> {
  const actor = requireActor(ctx);
  const [found] = await ctx.db
    .select({ project: projects, clusterDatabaseUrl: clusters.databaseUrl, memberRole: projectMembers.role })
    .from(projects)
    .innerJoin(clusters, eq(clusters.id, projects.clusterId))
    .leftJoin(
      projectMembers,
      and(eq(projectMembers.tenantId, projects.tenantId), eq(projectMembers.userId, actor.userId)),
    )
    .where(eq(projects.slug, slug.trim().toLowerCase()))
    .limit(1);
  if (!found || (found.memberRole === null && !isPlatformStaff(actor))) {
    throw new FluxError(
      "not_found",
      `No project '${slug}' among your projects; check the slug with \`flux projects list\`.`,
    );
  }
  return found;
}
