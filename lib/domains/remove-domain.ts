import { and, eq } from "drizzle-orm";
import { domains } from "@/drizzle/schema";
import { evictProjectHosts } from "@/lib/cache/evict-project-hosts";
import type { Ctx } from "@/lib/context";
import { auditDomain } from "./audit-domain";
import { requireMemberRole, WRITER_ROLES } from "@/lib/projects/require-member-role";
import { getDomainForActorOrThrow } from "./get-domain-for-actor-or-throw";
import { toDomainResponse, type DomainResponse } from "./to-domain-response";

/**
 * Removes a custom domain (owner or developer). Once the delete commits, every gateway is told to forget the
 * host, so the next request to it is answered 404 instead of reaching the project.
 */
export async function removeDomain({
  ctx,
  hostname,
  slug,
}: {
  ctx: Ctx;
  hostname: string;
  slug?: string;
}): Promise<DomainResponse> {
  const { domain, access } = await getDomainForActorOrThrow(ctx, hostname, slug);
  requireMemberRole(access, WRITER_ROLES, "remove custom domains");
  const { project } = access;
  await ctx.db.transaction(async (tx) => {
    await tx.delete(domains).where(and(eq(domains.hostname, domain.hostname), eq(domains.tenantId, project.tenantId)));
    await auditDomain(tx, ctx, {
      action: "domain.remove",
      project,
      hostname: domain.hostname,
      details: { wasVerified: domain.verifiedAt !== null },
    });
  });
  await evictProjectHosts(ctx, project, [domain.hostname]);
  return toDomainResponse(domain, project.slug);
}
