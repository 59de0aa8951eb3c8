import { eq } from "drizzle-orm";
import { users } from "@/drizzle/schema";
import { FluxError } from "@/lib/api/errors";
import type { Ctx } from "@/lib/context";
import type { PublicUser } from "./inputs";

/** The signed-in actor's own user record (GET /api/v1/me). */
export async function getCurrentUserOrThrow(ctx: Ctx): Promise<PublicUser> {
  if (!ctx.actor) throw new FluxError("unauthorized", "Sign in first: run `flux login` or open /login.");
  const [row] = await ctx.db
    .select({ id: users.id, email: users.email, name: users.name, platformRole: users.platformRole })
    .from(users)
    .where(eq(users.id, ctx.actor.userId))
    .limit(1);
  if (!row) throw new FluxError("unauthorized", "Your account no longer exists; sign in again.");
  return row;
}
