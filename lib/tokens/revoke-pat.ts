import { and, eq, isNull } from "drizzle-orm";
import { personalAccessTokens } from "@/drizzle/schema";
import { FluxError } from "@/lib/api/errors";
import { writeAudit } from "@/lib/audit/write-audit";
import type { Ctx } from "@/lib/context";
import { requireActor } from "@/lib/projects/require-actor";

/**
 * Revokes one of the actor's own tokens; from this commit on the API refuses it. Another user's token id
 * answers not-found, so ids cannot be probed.
 */
export async function revokePat({ ctx, id }: { ctx: Ctx; id: string }): Promise<{ id: string; revokedAt: string }> {
  const actor = requireActor(ctx);
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .update(personalAccessTokens)
      .set({ revokedAt: new Date() })
      .where(
        and(
          eq(personalAccessTokens.id, id),
          eq(personalAccessTokens.userId, actor.userId),
          isNull(personalAccessTokens.revokedAt),
        ),
      )
      .returning({ name: personalAccessTokens.name, revokedAt: personalAccessTokens.revokedAt });
    if (!row?.revokedAt) {
      throw new FluxError("not_found", `No active personal access token ${id} of yours; see \`flux pat list\`.`);
    }
    await writeAudit(tx, {
      actorUserId: actor.userId,
      action: "personal_access_token.revoke",
      targetType: "personal_access_token",
      targetId: id,
      details: { name: row.name, revokedAt: { from: null, to: row.revokedAt } },
      requestId: ctx.requestId,
    });
    return { id, revokedAt: row.revokedAt.toISOString() };
  });
}
