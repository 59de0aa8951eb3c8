import { domains } from "@/drizzle/schema";
import { FluxError } from "@/lib/api/errors";
import { isUniqueViolation } from "@/lib/api/pg-error";
import { parseInput } from "@/lib/api/parse-input";
import { evictProjectHosts } from "@/lib/cache/evict-project-hosts";
import type { Ctx } from "@/lib/context";
import { auditDomain } from "./audit-domain";
import { getProjectForActorOrThrow } from "@/lib/projects/get-project-for-actor-or-throw";
import { requireMemberRole, WRITER_ROLES } from "@/lib/projects/require-member-role";
import { newVerificationToken } from "./challenge";
import { normalizeCustomHostname } from "./hostname";
import { AddDomainInput } from "./inputs";
import { toDomainResponse, type DomainResponse } from "./to-domain-response";

/**
 * Claims a hostname for a project (owner or developer). It does not route until `verifyDomain` finds the TXT
 * record the response names. A hostname belongs to at most one project (the table's primary key).
 */
export async function addDomain({
  ctx,
  slug,
  input,
}: {
  ctx: Ctx;
  slug: string;
  input: AddDomainInput;
}): Promise<DomainResponse> {
  const access = await getProjectForActorOrThrow(ctx, slug);
  requireMemberRole(access, WRITER_ROLES, "add custom domains");
  const { project } = access;
  const checked = normalizeCustomHostname(parseInput(AddDomainInput, input).hostname, ctx.config.FLUX_BASE_DOMAIN);
  if (!checked.ok) throw new FluxError("bad_request", `hostname: ${checked.message}`);
  const hostname = checked.hostname;

  const row = await ctx.db
    .transaction(async (tx) => {
      const [inserted] = await tx
        .insert(domains)
        .values({ hostname, tenantId: project.tenantId, verificationToken: newVerificationToken() })
        .returning();
      if (!inserted) throw new Error("inserting the domain returned no row");
      await auditDomain(tx, ctx, { action: "domain.add", project, hostname });
      return inserted;
    })
    .catch((err: unknown) => {
      if (isUniqueViolation(err, "domains_pkey")) {
        throw new FluxError(
          "conflict",
          `'${hostname}' is already added to a project; remove it there first (\`flux domains remove ${hostname}\`).`,
        );
      }
      throw err;
    });
  // A gateway may have cached "no project here" for the host; forget it so the state is read afresh.
  await evictProjectHosts(ctx, project, [hostname]);
  return toDomainResponse(row, project.slug);
}
