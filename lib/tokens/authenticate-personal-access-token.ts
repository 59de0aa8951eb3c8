import { and, eq, gt, isNull, or, sql } from "drizzle-orm";
import { personalAccessTokens, users } from "@/drizzle/schema";
import type { Actor, Ctx } from "@/lib/context";
import { PAT_PREFIX, sha256Hex } from "./token-hash";

/**
 * `flux_pat_…` → the actor it belongs to, or null when the token is unknown, revoked or expired.
 * Lookup is by digest, so comparing never touches the plaintext.
 */
export async function authenticatePersonalAccessToken(ctx: Pick<Ctx, "db">, token: string): Promise<Actor | null> {
  if (!token.startsWith(PAT_PREFIX) || token.length > 200) return null;
  const [row] = await ctx.db
    .update(personalAccessTokens)
    .set({ lastUsedAt: sql`now()` })
    .from(users)
    .where(
      and(
        eq(personalAccessTokens.tokenHash, sha256Hex(token)),
        eq(users.id, personalAccessTokens.userId),
        isNull(personalAccessTokens.revokedAt),
        or(isNull(personalAccessTokens.expiresAt), gt(personalAccessTokens.expiresAt, sql`now()`)),
      ),
    )
    .returning({ userId: users.id, platformRole: users.platformRole });
  return row ?? null;
}
