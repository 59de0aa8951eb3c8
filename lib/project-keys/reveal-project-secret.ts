import { writeAudit } from "@/lib/audit/write-audit";
import type { Ctx } from "@/lib/context";
import { getProjectForActorOrThrow } from "@/lib/projects/get-project-for-actor-or-throw";
import { requireMemberRole } from "@/lib/projects/require-member-role";
import { keyFingerprint } from "./key-fingerprint";
import { currentProjectSecret } from "./project-secret";

export type RevealedSecret = { slug: string; secret: string; fingerprint: string };

/**
 * The project's current JWT secret, for the owner only: platform staff (admin, support) are not members and
 * are refused like developers and viewers. The reveal is audited (who, when — never the value).
 */
export async function revealProjectSecret({ ctx, slug }: { ctx: Ctx; slug: string }): Promise<RevealedSecret> {
  const access = await getProjectForActorOrThrow(ctx, slug);
  requireMemberRole(access, ["owner"], "see the JWT secret");
  const secret = currentProjectSecret(ctx.config, access.project);
  const fingerprint = keyFingerprint(secret);
  await writeAudit(ctx.db, {
    actorUserId: ctx.actor?.userId ?? null,
    action: "project.jwt_key.reveal",
    targetType: "project",
    targetId: access.project.tenantId,
    tenantId: access.project.tenantId,
    details: { slug: access.project.slug, fingerprint },
    requestId: ctx.requestId,
  });
  return { slug: access.project.slug, secret, fingerprint };
}
