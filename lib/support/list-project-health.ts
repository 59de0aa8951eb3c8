import { asc } from "drizzle-orm";
import { projects } from "@/drizzle/schema";
import { limitPerMinute } from "@/gateway/pipeline/rate-limit";
import { rateKey } from "@/gateway/ratelimit/redis";
import { readyControlPlaneRedis } from "@/lib/cache/control-plane-redis";
import type { Ctx } from "@/lib/context";
import { recentDispatchRows, type DispatchRow } from "@/lib/troubleshoot/dispatch-rows";
import { requireSupport } from "./require-support";

export type ProjectHealth = {
  slug: string;
  status: string;
  plan: string;
  mode: string;
  lastAccessedAt: string | null;
  /** Requests counted in the current minute and the limit; null without Redis (counters live in each gateway). */
  rateLimit: { used: number | null; limit: number };
  /** The newest gateway dispatch row of the project, if Redis has one. */
  lastRequest: Pick<DispatchRow, "time" | "status" | "code" | "requestId"> | null;
  /** Share of refused (4xx/5xx) among the recent rows Redis keeps. */
  recentErrors: { failed: number; total: number };
};

const MAX_PROJECTS = 500;

/** Every project's health for support staff: status, rate-limit usage and recent gateway outcomes. */
export async function listProjectHealth({
  ctx,
  multiplier = 1,
}: {
  ctx: Ctx;
  multiplier?: number;
}): Promise<ProjectHealth[]> {
  requireSupport(ctx);
  const rows = await ctx.db
    .select({
      tenantId: projects.tenantId,
      slug: projects.slug,
      status: projects.status,
      plan: projects.plan,
      mode: projects.mode,
      rateLimitPerMinute: projects.rateLimitPerMinute,
      lastAccessedAt: projects.lastAccessedAt,
    })
    .from(projects)
    .orderBy(asc(projects.slug))
    .limit(MAX_PROJECTS);
  const redis = ctx.config.REDIS_URL ? await readyControlPlaneRedis(ctx.config.REDIS_URL) : undefined;
  const now = Date.now();
  const windowStart = now - (now % 60_000);
  const counts =
    redis && rows.length > 0
      ? await redis.mget(rows.map((row) => rateKey(row.tenantId, windowStart))).catch(() => null)
      : null;
  return Promise.all(
    rows.map(async (row, index) => {
      const recent = redis ? await recentDispatchRows(redis, row.tenantId, 50).catch(() => []) : [];
      const newest = recent[0];
      return {
        slug: row.slug,
        status: row.status,
        plan: row.plan,
        mode: row.mode,
        lastAccessedAt: row.lastAccessedAt?.toISOString() ?? null,
        rateLimit: { used: counts ? Number(counts[index] ?? 0) : null, limit: limitPerMinute(row, multiplier) },
        lastRequest: newest
          ? { time: newest.time, status: newest.status, code: newest.code, requestId: newest.requestId }
          : null,
        recentErrors: { failed: recent.filter((item) => item.status >= 400).length, total: recent.length },
      };
    }),
  );
}
