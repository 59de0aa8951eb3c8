import { asc, eq } from "drizzle-orm";
import { projectMembers, projects } from "@/drizzle/schema";
import { isPlatformStaff, type Ctx } from "@/lib/context";
import { requireActor } from "./require-actor";
import type { ProjectRow } from "./types";

/** Projects the actor is a member of; platform staff see every project. Oldest first. */
export async function listProjectsForActor({ ctx }: { ctx: Ctx }): Promise<ProjectRow[]> {
  const actor = requireActor(ctx);
  if (isPlatformStaff(actor)) {
    return ctx.db.select().from(projects).orderBy(asc(projects.createdAt), asc(projects.slug));
  }
  const rows = await ctx.db
    .select({ project: projects })
    .from(projects)
    .innerJoin(projectMembers, eq(projectMembers.tenantId, projects.tenantId))
    .where(eq(projectMembers.userId, actor.userId))
    .orderBy(asc(projects.createdAt), asc(projects.slug));
  return rows.map((row) => row.project);
}
