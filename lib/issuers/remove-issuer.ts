import { and, eq } from "drizzle-orm";
import { projectIssuers } from "@/drizzle/schema";
import { FluxError } from "@/lib/api/errors";
import { parseInput } from "@/lib/api/parse-input";
import { evictProjectHosts } from "@/lib/cache/evict-project-hosts";
import type { Ctx } from "@/lib/context";
import { getProjectForActorOrThrow } from "@/lib/projects/get-project-for-actor-or-throw";
import { requireMemberRole } from "@/lib/projects/require-member-role";
import { auditIssuer } from "./audit-issuer";
import { RemoveIssuerInput } from "./inputs";

/**
 * Stops trusting an issuer (owner only). Once the delete commits every gateway forgets the project row, so the
 * issuer's tokens are refused from the next request on, even while their JWKS is still cached.
 */
export async function removeIssuer({
  ctx,
  slug,
  input,
}: {
  ctx: Ctx;
  slug: string;
  input: RemoveIssuerInput;
}): Promise<{ issuer: string; removed: true }> {
  const access = await getProjectForActorOrThrow(ctx, slug);
  requireMemberRole(access, ["owner"], "remove a trusted issuer");
  const { project } = access;
  const { issuer } = parseInput(RemoveIssuerInput, input);
  await ctx.db.transaction(async (tx) => {
    const [removed] = await tx
      .delete(projectIssuers)
      .where(and(eq(projectIssuers.tenantId, project.tenantId), eq(projectIssuers.issuer, issuer)))
      .returning();
    if (!removed) {
      throw new FluxError(
        "not_found",
        `Project '${project.slug}' does not trust issuer '${issuer}'; see \`flux issuers list --project ${project.slug}\`.`,
      );
    }
    await auditIssuer(tx, ctx, {
      action: "issuer.remove",
      project,
      issuer,
      jwksUrl: removed.jwksUrl,
      audience: removed.audience,
    });
  });
  await evictProjectHosts(ctx, project);
  return { issuer, removed: true };
}
