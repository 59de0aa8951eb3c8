import { inArray } from "drizzle-orm";
import { users } from "@/drizzle/schema";
import type { Ctx } from "@/lib/context";
import type { AppliedSqlDetail } from "@/lib/engines/types";
import { engineOf, engineProjectOf } from "./engine";
import { getProjectForActorOrThrow } from "./get-project-for-actor-or-throw";
import { requireActive } from "./require-member-role";

export type MigrationHistoryRow = AppliedSqlDetail & { actorEmail: string | null };

/**
 * The migration files applied to a project, oldest version first, with the SQL of each and the e-mail of who
 * pushed it (the history lives in the tenant database; the e-mail in flux-system). Any member (and staff) may read it.
 */
export async function listProjectSql({ ctx, slug }: { ctx: Ctx; slug: string }): Promise<MigrationHistoryRow[]> {
  const access = await getProjectForActorOrThrow(ctx, slug);
  requireActive(access);
  const rows = await engineOf(ctx, access.project.mode).listAppliedSql(
    engineProjectOf(access.project, access.clusterDatabaseUrl),
  );
  const ids = [...new Set(rows.flatMap((row) => (row.actorUserId ? [row.actorUserId] : [])))];
  const found =
    ids.length === 0
      ? []
      : await ctx.db.select({ id: users.id, email: users.email }).from(users).where(inArray(users.id, ids));
  const emails = new Map(found.map((user) => [user.id, user.email]));
  return rows.map((row) => ({ ...row, actorEmail: row.actorUserId ? (emails.get(row.actorUserId) ?? null) : null }));
}
