import type { Ctx } from "@/lib/context";
import type { AppliedSqlDetail } from "@/lib/engines/types";
import { engineOf, engineProjectOf } from "./engine";
import { getProjectForActorOrThrow } from "./get-project-for-actor-or-throw";
import { requireActive } from "./require-member-role";

/** The SQL files applied to a project, oldest first; any member (and platform staff) may read it. */
export async function listProjectSql({ ctx, slug }: { ctx: Ctx; slug: string }): Promise<AppliedSqlDetail[]> {
  const access = await getProjectForActorOrThrow(ctx, slug);
  requireActive(access);
  return engineOf(ctx, access.project.mode).listAppliedSql(engineProjectOf(access.project, access.clusterDatabaseUrl));
}
