import { and, eq, gt, isNull, or, sql } from "drizzle-orm";
import { personalAccessTokens, users } from "@/drizzle/schema";
import { FluxError } from "@/lib/api/errors";
import type { Actor, Ctx } from "@/lib/context";
import { PAT_PREFIX, sha256Hex } from "./token-hash";

/**
 * `flux_pat_…` → the actor it belongs to, or null when the token is unknown. A revoked or expired token is
 * refused with a message saying so (the holder already has the token, so naming its state reveals nothing),
 * Lookup is by digest, so comparing never touches the plaintext.
 */
export async function authenticatePersonalAccessToken(ctx: Pick<Ctx, "db">, token: string): Promise<Actor | null> {
  if (!token.startsWith(PAT_PREFIX) || token.length > 200) return null;
  const tokenHash = sha256Hex(token);
  const [row] = await ctx.db
    .update(personalAccessTokens)
    .set({ lastUsedAt: sql`now()` })
    .from(users)
    .where(
      and(
        eq(personalAccessTokens.tokenHash, tokenHash),
        eq(users.id, personalAccessTokens.userId),
        isNull(personalAccessTokens.revokedAt),
        or(isNull(personalAccessTokens.expiresAt), gt(personalAccessTokens.expiresAt, sql`now()`)),
      ),
    )
    .returning({ userId: users.id, platformRole: users.platformRole });
  if (row) return row;
  await explainRefusal(ctx, tokenHash);
  return null;
}

async function explainRefusal(ctx: Pick<Ctx, "db">, tokenHash: string): Promise<void> {
  const [known] = await ctx.db
    .select({
      id: personalAccessTokens.id,
      revokedAt: personalAccessTokens.revokedAt,
      expiresAt: personalAccessTokens.expiresAt,
    })
    .from(personalAccessTokens)
    .where(eq(personalAccessTokens.tokenHash, tokenHash))
    .limit(1);
  if (known?.revokedAt) {
    throw new FluxError(
      "unauthorized",
      `Personal access token ${known.id} was revoked at ${known.revokedAt.toISOString()}; run \`flux login\` or create a new token.`,
    );
  }
  if (known?.expiresAt) {
    throw new FluxError(
      "unauthorized",
      `Personal access token ${known.id} expired at ${known.expiresAt.toISOString()}; run \`flux login\` or create a new token.`,
    );
  }
}
