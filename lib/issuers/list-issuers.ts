import { asc, eq } from "drizzle-orm";
import { projectIssuers, users } from "@/drizzle/schema";
import { toPage, type Page, type PageQuery } from "@/lib/api/pagination";
import type { Ctx } from "@/lib/context";
import { getProjectForActorOrThrow } from "@/lib/projects/get-project-for-actor-or-throw";
import type { IssuerResponse } from "./inputs";
import { toIssuerResponse } from "./to-issuer-response";

/** The project's trusted issuers, oldest first; every member and platform staff may list (nothing is secret). */
export async function listIssuers({
  ctx,
  slug,
  page,
}: {
  ctx: Ctx;
  slug: string;
  page: PageQuery;
}): Promise<Page<IssuerResponse>> {
  const { project } = await getProjectForActorOrThrow(ctx, slug);
  const rows = await ctx.db
    .select({ issuer: projectIssuers, createdByEmail: users.email })
    .from(projectIssuers)
    .leftJoin(users, eq(users.id, projectIssuers.createdBy))
    .where(eq(projectIssuers.tenantId, project.tenantId))
    .orderBy(asc(projectIssuers.createdAt), asc(projectIssuers.issuer))
    .limit(page.limit + 1)
    .offset(page.offset);
  return toPage(
    rows.map((row) => toIssuerResponse(row.issuer, project.slug, row.createdByEmail)),
    page,
  );
}
