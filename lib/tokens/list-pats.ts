import { desc, eq } from "drizzle-orm";
import { personalAccessTokens } from "@/drizzle/schema";
import { toPage, type Page, type PageQuery } from "@/lib/api/pagination";
import type { Ctx } from "@/lib/context";
import { requireActor } from "@/lib/projects/require-actor";
import type { PatResponse } from "./pat-inputs";

const iso = (date: Date | null) => date?.toISOString() ?? null;

/** The actor's own tokens, newest first, revoked and expired ones included (never the token or its hash). */
export async function listPats({ ctx, page }: { ctx: Ctx; page: PageQuery }): Promise<Page<PatResponse>> {
  const actor = requireActor(ctx);
  const rows = await ctx.db
    .select()
    .from(personalAccessTokens)
    .where(eq(personalAccessTokens.userId, actor.userId))
    .orderBy(desc(personalAccessTokens.createdAt), desc(personalAccessTokens.id))
    .limit(page.limit + 1)
    .offset(page.offset);
  return toPage(
    rows.map((row) => ({
      id: row.id,
      name: row.name,
      prefix: row.tokenPrefix,
      createdAt: row.createdAt.toISOString(),
      lastUsedAt: iso(row.lastUsedAt),
      expiresAt: iso(row.expiresAt),
      revokedAt: iso(row.revokedAt),
    })),
    page,
  );
}
