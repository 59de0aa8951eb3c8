import { eq } from "drizzle-orm";
import { users } from "@/drizzle/schema";
import { FluxError } from "@/lib/api/errors";
import type { Executor } from "@/lib/db";

export async function findUserByEmailOrThrow(db: Executor, email: string) {
  const [user] = await db
    .select({ id: users.id, email: users.email, name: users.name })
    .from(users)
    .where(eq(users.email, email))
    .limit(1);
  if (!user)
    throw new FluxError("not_found", `No Flux account uses ${email}; ask them to sign up first, then add them.`);
  return user;
}
