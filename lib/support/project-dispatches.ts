import { readyControlPlaneRedis } from "@/lib/cache/control-plane-redis";
import type { Ctx } from "@/lib/context";
import { getProjectForActorOrThrow } from "@/lib/projects/get-project-for-actor-or-throw";
import { recentDispatchRows, type DispatchRow } from "@/lib/troubleshoot/dispatch-rows";
import { requireSupport } from "./require-support";

/** A project's recent gateway dispatch rows for support (newest first); null when Redis is not configured. */
export async function listProjectDispatches({ ctx, slug }: { ctx: Ctx; slug: string }): Promise<DispatchRow[] | null> {
  requireSupport(ctx);
  const { project } = await getProjectForActorOrThrow(ctx, slug);
  if (!ctx.config.REDIS_URL) return null;
  return recentDispatchRows(await readyControlPlaneRedis(ctx.config.REDIS_URL), project.tenantId, 100);
}
