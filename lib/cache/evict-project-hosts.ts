import { eq } from "drizzle-orm";
import { domains } from "@/drizzle/schema";
import type { Ctx } from "@/lib/context";
import { serviceHostname } from "@/lib/tenancy";
import { readyControlPlaneRedis } from "./control-plane-redis";
import { evictHostnames } from "./evict-hostnames";

export type ProjectHosts = { tenantId: string; slug: string; hash: string };

/** Every hostname a gateway may have cached for the project: both Service URL forms and its custom domains. */
export async function projectHostnames(ctx: Ctx, project: ProjectHosts): Promise<string[]> {
  const base = ctx.config.FLUX_BASE_DOMAIN.toLowerCase();
  const custom = await ctx.db
    .select({ hostname: domains.hostname })
    .from(domains)
    .where(eq(domains.tenantId, project.tenantId));
  return [
    serviceHostname(project, base),
    `api.${project.slug}.${project.hash}.${base}`,
    ...custom.map((domain) => domain.hostname),
  ];
}

/**
 * Makes every gateway forget the project's hosts, so a change takes effect within a round trip instead of a TTL.
 * Best-effort: the change is already committed, so a Redis failure is logged and the shared entry's TTL
 * (FLUX_GATEWAY_REDIS_HOST_TTL_S) bounds the staleness. Without REDIS_URL there is nothing shared to evict.
 * Pass `extraHostnames` for hosts the project no longer has (an old slug, a deleted domain).
 */
export async function evictProjectHosts(
  ctx: Ctx,
  project: ProjectHosts,
  extraHostnames: readonly string[] = [],
): Promise<void> {
  const url = ctx.config.REDIS_URL;
  if (!url) return;
  try {
    const hosts = [...(await projectHostnames(ctx, project)), ...extraHostnames];
    await evictHostnames(await readyControlPlaneRedis(url), hosts);
  } catch (error) {
    console.error(
      JSON.stringify({
        level: "warn",
        msg: "host cache eviction failed; gateways may serve the old project row until the cache TTL",
        tenantId: project.tenantId,
        requestId: ctx.requestId,
        err: error instanceof Error ? error.message : String(error),
      }),
    );
  }
}
