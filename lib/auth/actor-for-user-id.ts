import { eq } from "drizzle-orm";
import { users } from "@/drizzle/schema";
import type { Actor } from "@/lib/context";
import type { Executor } from "@/lib/db";

/**
 * A session names a user id; the platform role is read fresh from the database so a demotion or a deleted
 * account takes effect at once, not when the 8-hour cookie expires.
 */
export async function actorForUserId(db: Executor, userId: unknown): Promise<Actor | null> {
  if (typeof userId !== "string" || !/^[0-9a-f-]{36}$/i.test(userId)) return null;
  const [row] = await db
    .select({ userId: users.id, platformRole: users.platformRole })
    .from(users)
    .where(eq(users.id, userId))
    .limit(1);
  return row ?? null;
}
