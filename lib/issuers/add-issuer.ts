import { count, eq } from "drizzle-orm";
import { projectIssuers, users } from "@/drizzle/schema";
import { FluxError } from "@/lib/api/errors";
import { isUniqueViolation } from "@/lib/api/pg-error";
import { parseInput } from "@/lib/api/parse-input";
import { evictProjectHosts } from "@/lib/cache/evict-project-hosts";
import type { Ctx } from "@/lib/context";
import { lockProjectRow } from "@/lib/project-keys/lock-project-row";
import { getProjectForActorOrThrow } from "@/lib/projects/get-project-for-actor-or-throw";
import { requireMemberRole } from "@/lib/projects/require-member-role";
import { auditIssuer } from "./audit-issuer";
import { AddIssuerInput, MAX_ISSUERS_PER_PROJECT, type IssuerResponse } from "./inputs";
import { checkJwksUrl } from "./jwks-url";
import { toIssuerResponse } from "./to-issuer-response";

/**
 * Trusts a third-party issuer (owner only: whoever controls the issuer's keys can then sign in as any role the
 * project allows, which is as strong as knowing the project secret). The JWKS is not fetched here — the gateway
 * fetches it on the first token — so an issuer can be set up before its endpoint is live.
 */
export async function addIssuer({
  ctx,
  slug,
  input,
}: {
  ctx: Ctx;
  slug: string;
  input: AddIssuerInput;
}): Promise<IssuerResponse> {
  const access = await getProjectForActorOrThrow(ctx, slug);
  requireMemberRole(access, ["owner"], "trust a token issuer");
  const { project } = access;
  const parsed = parseInput(AddIssuerInput, input);
  const checked = checkJwksUrl(parsed.jwksUrl, { allowLoopbackHttp: ctx.config.FLUX_JWKS_ALLOW_LOOPBACK_HTTP });
  if (!checked.ok) throw new FluxError("bad_request", `jwksUrl: ${checked.message}`);
  const values = {
    tenantId: project.tenantId,
    issuer: parsed.issuer,
    jwksUrl: checked.url,
    audience: parsed.audience ?? null,
    createdBy: ctx.actor?.userId ?? null,
  };

  const row = await ctx.db
    .transaction(async (tx) => {
      await lockProjectRow(tx, project.tenantId);
      const [existing] = await tx
        .select({ n: count() })
        .from(projectIssuers)
        .where(eq(projectIssuers.tenantId, project.tenantId));
      if ((existing?.n ?? 0) >= MAX_ISSUERS_PER_PROJECT) {
        throw new FluxError(
          "conflict",
          `Project '${project.slug}' already trusts ${MAX_ISSUERS_PER_PROJECT} issuers, the most it may; remove one first (\`flux issuers remove\`).`,
        );
      }
      const [inserted] = await tx.insert(projectIssuers).values(values).returning();
      if (!inserted) throw new Error("inserting the issuer returned no row");
      await auditIssuer(tx, ctx, {
        action: "issuer.add",
        project,
        issuer: inserted.issuer,
        jwksUrl: inserted.jwksUrl,
        audience: inserted.audience,
      });
      return inserted;
    })
    .catch((err: unknown) => {
      if (isUniqueViolation(err, "project_issuers_tenant_id_issuer_pk")) {
        throw new FluxError(
          "conflict",
          `Project '${project.slug}' already trusts issuer '${parsed.issuer}'; remove it first to change its JWKS URL or audience.`,
        );
      }
      throw err;
    });
  // Gateways cache the project row with its issuers; forget it so the new issuer counts on the next request.
  await evictProjectHosts(ctx, project);
  const [creator] = row.createdBy
    ? await ctx.db.select({ email: users.email }).from(users).where(eq(users.id, row.createdBy))
    : [];
  return toIssuerResponse(row, project.slug, creator?.email ?? null);
}
