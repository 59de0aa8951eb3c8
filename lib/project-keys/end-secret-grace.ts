import { and, eq, gt, isNotNull } from "drizzle-orm";
import { projectJwtKeys, projects } from "@/drizzle/schema";
import { FluxError } from "@/lib/api/errors";
import { writeAudit } from "@/lib/audit/write-audit";
import { evictProjectHosts } from "@/lib/cache/evict-project-hosts";
import type { Ctx } from "@/lib/context";
import { getProjectForActorOrThrow } from "@/lib/projects/get-project-for-actor-or-throw";
import { requireMemberRole } from "@/lib/projects/require-member-role";
import { toKeyResponse, type KeyResponse } from "./key-state";
import { graceRunning, lockProjectRow } from "./lock-project-row";

export type EndGraceResult = { slug: string; revoked: KeyResponse[] };

/**
 * Ends a rotation's grace now: the previous secret is forgotten by flux-system and every gateway is told to
 * drop its cached row, so tokens signed with it are refused from the next request on.
 */
export async function endSecretGrace({ ctx, slug }: { ctx: Ctx; slug: string }): Promise<EndGraceResult> {
  const access = await getProjectForActorOrThrow(ctx, slug);
  requireMemberRole(access, ["owner"], "end a key's grace period");

  const result = await ctx.db.transaction(async (tx) => {
    const project = await lockProjectRow(tx, access.project.tenantId);
    const now = new Date();
    if (!graceRunning(project, now)) {
      throw new FluxError(
        "conflict",
        `No previous secret of '${project.slug}' is accepted right now; there is no grace to end.`,
      );
    }
    await tx
      .update(projects)
      .set({ previousJwtSecretEncrypted: null, previousJwtSecretExpiresAt: null, updatedAt: now })
      .where(eq(projects.tenantId, project.tenantId));
    const revoked = await tx
      .update(projectJwtKeys)
      .set({ acceptedUntil: now })
      .where(
        and(
          eq(projectJwtKeys.tenantId, project.tenantId),
          isNotNull(projectJwtKeys.retiredAt),
          gt(projectJwtKeys.acceptedUntil, now),
        ),
      )
      .returning();
    await writeAudit(tx, {
      actorUserId: ctx.actor?.userId ?? null,
      action: "project.jwt_key.end_grace",
      targetType: "project",
      targetId: project.tenantId,
      tenantId: project.tenantId,
      details: {
        slug: project.slug,
        keys: revoked.map((key) => key.id),
        before: { graceEndsAt: project.previousJwtSecretExpiresAt?.toISOString() ?? null },
        after: { graceEndsAt: now.toISOString() },
      },
      requestId: ctx.requestId,
    });
    return { slug: project.slug, revoked: revoked.map((row) => toKeyResponse(row, now)) };
  });
  await evictProjectHosts(ctx, access.project);
  return result;
}
