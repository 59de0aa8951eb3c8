import { parseInput } from "@/lib/api/parse-input";
import { writeAudit } from "@/lib/audit/write-audit";
import type { Ctx } from "@/lib/context";
import { mintProjectToken, type MintedProjectToken } from "@/lib/tokens/mint-project-token";
import { getProjectForActorOrThrow } from "./get-project-for-actor-or-throw";
import { ProjectTokenInput } from "./inputs";
import { requireMemberRole, WRITER_ROLES } from "./require-member-role";

/**
 * Mints a project JWT for a member who may change the project (a token can write data, so viewers may not).
 * The audit row records role, subject and expiry — never the token.
 */
export async function issueProjectToken({
  ctx,
  slug,
  input,
}: {
  ctx: Ctx;
  slug: string;
  input: ProjectTokenInput;
}): Promise<MintedProjectToken> {
  const access = await getProjectForActorOrThrow(ctx, slug);
  requireMemberRole(access, WRITER_ROLES, "mint project tokens");
  const parsed = parseInput(ProjectTokenInput, input);
  const minted = await mintProjectToken({ ctx, project: access.project, input: parsed });
  await writeAudit(ctx.db, {
    actorUserId: ctx.actor?.userId ?? null,
    action: "project.token.mint",
    targetType: "project",
    targetId: access.project.tenantId,
    tenantId: access.project.tenantId,
    details: { slug: access.project.slug, role: minted.role, sub: parsed.sub ?? null, expiresAt: minted.expiresAt },
    requestId: ctx.requestId,
  });
  return minted;
}
