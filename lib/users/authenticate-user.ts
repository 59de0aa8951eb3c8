import { eq } from "drizzle-orm";
import { users } from "@/drizzle/schema";
import type { Ctx } from "@/lib/context";
import type { PublicUser } from "./inputs";
import { decoyPasswordHash, verifyPassword } from "./password";

/**
 * E-mail + password → the user, or null. Unknown e-mail and wrong password take the same time and give the
 * same answer, so the caller cannot tell which e-mails have accounts.
 */
export async function authenticateUser(
  ctx: Pick<Ctx, "db">,
  email: string,
  password: string,
): Promise<PublicUser | null> {
  const normalised = email.trim().toLowerCase();
  const [row] = await ctx.db.select().from(users).where(eq(users.email, normalised)).limit(1);
  const stored = row?.passwordHash ?? (await decoyPasswordHash());
  const ok = await verifyPassword(password, stored);
  if (!row || !row.passwordHash || !ok) return null;
  return { id: row.id, email: row.email, name: row.name, platformRole: row.platformRole };
}
