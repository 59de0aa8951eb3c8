import { asc, eq } from "drizzle-orm";
import { projectMembers, users } from "@/drizzle/schema";
import { toPage, type Page, type PageQuery } from "@/lib/api/pagination";
import type { Ctx } from "@/lib/context";
import { getProjectForActorOrThrow } from "@/lib/projects/get-project-for-actor-or-throw";
import type { MemberResponse } from "./inputs";

/** A project's members, oldest first. Any member and platform staff may read the list. */
export async function listMembers({
  ctx,
  slug,
  page,
}: {
  ctx: Ctx;
  slug: string;
  page: PageQuery;
}): Promise<Page<MemberResponse>> {
  const { project } = await getProjectForActorOrThrow(ctx, slug);
  const rows = await ctx.db
    .select({ email: users.email, name: users.name, role: projectMembers.role, createdAt: projectMembers.createdAt })
    .from(projectMembers)
    .innerJoin(users, eq(users.id, projectMembers.userId))
    .where(eq(projectMembers.tenantId, project.tenantId))
    .orderBy(asc(projectMembers.createdAt), asc(users.email))
    .limit(page.limit + 1)
    .offset(page.offset);
  return toPage(
    rows.map((row) => ({ email: row.email, name: row.name, role: row.role, addedAt: row.createdAt.toISOString() })),
    page,
  );
}
