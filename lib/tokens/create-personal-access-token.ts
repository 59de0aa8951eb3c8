import { personalAccessTokens } from "@/drizzle/schema";
import { writeAudit } from "@/lib/audit/write-audit";
import type { Ctx } from "@/lib/context";
import { displayPrefixOf, newPatId, newPatSecret, sha256Hex } from "./token-hash";

export type CreatedPersonalAccessToken = { token: string; tokenId: string; prefix: string; expiresAt: Date | null };

/**
 * Issues a CLI credential for `userId`. The token is returned exactly once; only its SHA-256 is stored.
 */
export async function createPersonalAccessToken({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: { userId: string; name: string; expiresAt?: Date | null };
}): Promise<CreatedPersonalAccessToken> {
  const token = newPatSecret();
  const tokenId = newPatId();
  const expiresAt = input.expiresAt ?? null;
  await ctx.db.transaction(async (tx) => {
    await tx.insert(personalAccessTokens).values({
      id: tokenId,
      userId: input.userId,
      name: input.name,
      tokenHash: sha256Hex(token),
      tokenPrefix: displayPrefixOf(token),
      expiresAt,
    });
    await writeAudit(tx, {
      actorUserId: input.userId,
      action: "personal_access_token.create",
      targetType: "personal_access_token",
      targetId: tokenId,
      details: { name: input.name, expiresAt },
      requestId: ctx.requestId,
    });
  });
  return { token, tokenId, prefix: displayPrefixOf(token), expiresAt };
}
