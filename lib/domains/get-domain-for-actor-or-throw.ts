import { eq } from "drizzle-orm";
import { domains, projects } from "@/drizzle/schema";
import { FluxError, isFluxError } from "@/lib/api/errors";
import type { Ctx } from "@/lib/context";
import { getProjectForActorOrThrow } from "@/lib/projects/get-project-for-actor-or-throw";
import type { ProjectAccess } from "@/lib/projects/types";
import { normalizeCustomHostname } from "./hostname";
import type { DomainRow } from "./types";

export type DomainAccess = { domain: DomainRow; access: ProjectAccess };

/**
 * The domain with this hostname, if the actor may see its project (and, when `slug` is given, only if it belongs
 * to that project). Anyone else gets the same not-found as for a hostname nobody added, so a stranger cannot
 * learn which project a hostname belongs to.
 */
export async function getDomainForActorOrThrow(ctx: Ctx, hostname: string, slug?: string): Promise<DomainAccess> {
  const checked = normalizeCustomHostname(hostname, ctx.config.FLUX_BASE_DOMAIN);
  const notFound = new FluxError(
    "not_found",
    `No custom domain '${hostname}' in ${slug ? `project '${slug}'` : "your projects"}; see \`flux domains list --project <slug>\`.`,
  );
  if (!checked.ok) throw notFound;
  const [found] = await ctx.db
    .select({ domain: domains, slug: projects.slug })
    .from(domains)
    .innerJoin(projects, eq(projects.tenantId, domains.tenantId))
    .where(eq(domains.hostname, checked.hostname))
    .limit(1);
  if (!found || (slug !== undefined && found.slug !== slug.trim().toLowerCase())) throw notFound;
  const access = await getProjectForActorOrThrow(ctx, found.slug).catch((err: unknown) => {
    throw isFluxError(err) && err.code === "not_found" ? notFound : err;
  });
  return { domain: found.domain, access };
}
