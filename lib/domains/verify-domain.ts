import { and, eq } from "drizzle-orm";
import { domains } from "@/drizzle/schema";
import { FluxError } from "@/lib/api/errors";
import { evictProjectHosts } from "@/lib/cache/evict-project-hosts";
import type { Ctx } from "@/lib/context";
import { auditDomain } from "./audit-domain";
import { requireMemberRole, WRITER_ROLES } from "@/lib/projects/require-member-role";
import { challengeRecordName, challengeRecordValue } from "./challenge";
import { getDomainForActorOrThrow } from "./get-domain-for-actor-or-throw";
import { lookupTxt } from "./lookup-txt";
import { toDomainResponse, type DomainResponse } from "./to-domain-response";

/**
 * Proves ownership: the domain routes once `_flux-challenge.<host>` has a TXT record `flux-verify=<token>`
 * (owner or developer). Verifying an already verified domain changes nothing. On success every gateway forgets
 * the host — it may have cached "no project here" — so the next request reaches the project.
 */
export async function verifyDomain({
  ctx,
  hostname,
  slug,
}: {
  ctx: Ctx;
  hostname: string;
  slug?: string;
}): Promise<DomainResponse> {
  const { domain, access } = await getDomainForActorOrThrow(ctx, hostname, slug);
  requireMemberRole(access, WRITER_ROLES, "verify custom domains");
  const { project } = access;
  if (domain.verifiedAt) return toDomainResponse(domain, project.slug);

  await requireChallengeRecord(ctx, domain.hostname, domain.verificationToken);
  const verifiedAt = new Date();
  const row = await ctx.db.transaction(async (tx) => {
    const [updated] = await tx
      .update(domains)
      .set({ verifiedAt, updatedAt: verifiedAt })
      .where(and(eq(domains.hostname, domain.hostname), eq(domains.tenantId, project.tenantId)))
      .returning();
    // Removed (or moved) between the lookup and now: the proof was for a claim that no longer exists.
    if (!updated)
      throw new FluxError("not_found", `'${domain.hostname}' was removed while it was being verified; add it again.`);
    await auditDomain(tx, ctx, {
      action: "domain.verify",
      project,
      hostname: domain.hostname,
      details: { verifiedAt },
    });
    return updated;
  });
  await evictProjectHosts(ctx, project, [domain.hostname]);
  return toDomainResponse(row, project.slug);
}

async function requireChallengeRecord(ctx: Ctx, hostname: string, verificationToken: string): Promise<void> {
  const name = challengeRecordName(hostname);
  const expected = challengeRecordValue(verificationToken);
  const create = `Create a TXT record ${name} with the value ${expected}, wait for DNS to propagate, then verify again.`;
  const answer = await lookupTxt(ctx.config, name);
  if (answer.kind === "unreachable") {
    throw new FluxError(
      "unavailable",
      `DNS did not answer for ${name} (${answer.code}); the resolver timed out or failed. Retry in a minute.`,
    );
  }
  if (answer.kind === "missing") {
    const what = answer.reason === "nxdomain" ? "does not exist (NXDOMAIN)" : "has no TXT record";
    throw new FluxError("unprocessable", `${name} ${what}. ${create}`);
  }
  if (!answer.values.includes(expected)) {
    const seen = answer.values.map((value) => JSON.stringify(value.slice(0, 80))).join(", ");
    throw new FluxError(
      "unprocessable",
      `${name} has TXT ${seen} but not the expected ${expected} (the token of this claim). ${create}`,
    );
  }
}
