import { asc, eq } from "drizzle-orm";
import { domains } from "@/drizzle/schema";
import type { Ctx } from "@/lib/context";
import { getProjectForActorOrThrow } from "@/lib/projects/get-project-for-actor-or-throw";
import { toDomainResponse, type DomainResponse } from "./to-domain-response";

/** The project's custom domains, oldest first; every member (viewers too) and platform staff may list them. */
export async function listDomains({ ctx, slug }: { ctx: Ctx; slug: string }): Promise<DomainResponse[]> {
  const { project } = await getProjectForActorOrThrow(ctx, slug);
  const rows = await ctx.db
    .select()
    .from(domains)
    .where(eq(domains.tenantId, project.tenantId))
    .orderBy(asc(domains.createdAt), asc(domains.hostname));
  return rows.map((row) => toDomainResponse(row, project.slug));
}
