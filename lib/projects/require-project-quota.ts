import { count, eq, sql } from "drizzle-orm";
import { projects, users } from "@/drizzle/schema";
import { FluxError } from "@/lib/api/errors";
import type { Actor } from "@/lib/context";
import type { Executor } from "@/lib/db";

/**
 * The per-account project quota, checked inside the transaction that inserts the project. The account's user
 * row is locked first, so one account's concurrent creates are counted one after another and cannot all slip
 * under the quota together. Platform admins are not limited.
 */
export async function requireProjectQuota(tx: Executor, actor: Actor, quota: number): Promise<void> {
  if (actor.platformRole === "admin") return;
  await tx.execute(sql`select 1 from ${users} where ${users.id} = ${actor.userId} for update`);
  const [owned] = await tx.select({ n: count() }).from(projects).where(eq(projects.ownerId, actor.userId));
  const n = owned?.n ?? 0;
  if (n < quota) return;
  throw new FluxError(
    "forbidden",
    `You own ${n} projects, the most one account may own (FLUX_MAX_PROJECTS_PER_USER=${quota}). ` +
      "Delete one you no longer need (`flux nuke --project <slug>`), or ask the operator to raise " +
      "FLUX_MAX_PROJECTS_PER_USER; platform admins are not limited.",
  );
}
