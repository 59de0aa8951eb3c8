import { users } from "@/drizzle/schema";
import { FluxError } from "@/lib/api/errors";
import { isUniqueViolation } from "@/lib/api/pg-error";
import { writeAudit } from "@/lib/audit/write-audit";
import type { Ctx } from "@/lib/context";
import { parseInput } from "@/lib/api/parse-input";
import { CreateUserInput, type PublicUser } from "./inputs";
import { hashPassword } from "./password";

/** Creates a user with a scrypt password hash; the e-mail is stored lower-case and must be unused. */
export async function createUser({ ctx, input }: { ctx: Ctx; input: CreateUserInput }): Promise<PublicUser> {
  const parsed = parseInput(CreateUserInput, input);
  const passwordHash = await hashPassword(parsed.password);
  try {
    return await ctx.db.transaction(async (tx) => {
      const [row] = await tx
        .insert(users)
        .values({ email: parsed.email, name: parsed.name ?? null, passwordHash, platformRole: parsed.platformRole })
        .returning({ id: users.id, email: users.email, name: users.name, platformRole: users.platformRole });
      if (!row) throw new Error("insert into users returned no row");
      await writeAudit(tx, {
        actorUserId: ctx.actor?.userId ?? null,
        action: "user.create",
        targetType: "user",
        targetId: row.id,
        details: { email: row.email, platformRole: row.platformRole },
        requestId: ctx.requestId,
      });
      return row;
    });
  } catch (err) {
    if (isUniqueViolation(err, "users_email_unique")) {
      throw new FluxError("conflict", `A user with e-mail ${parsed.email} already exists; sign in instead.`);
    }
    throw err;
  }
}
