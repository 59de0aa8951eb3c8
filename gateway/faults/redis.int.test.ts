import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { projects } from "@/drizzle/schema";
import { signProjectToken } from "@/lib/jwt";
import { loadGatewaySettings } from "../config";
import type { BreakerState } from "../redis/circuit-breaker";
import { startTestGateway } from "../testing/harness";
import { seedProject, type SeededProject } from "../testing/seed-project";
import { send } from "../testing/send";
import { startPrivateRedis, type PrivateRedis } from "./redis-process";

type Gw = Awaited<ReturnType<typeof startTestGateway>>;

/** Sends `total` requests, `concurrency` at a time; `during(done)` runs after each completion (to inject a fault). */
async function load(gw: Gw, project: SeededProject, auth: string, total: number, during: (done: number) => void = () => {}) {
  const statuses: number[] = [];
  const latencies: number[] = [];
  let next = 0;
  async function worker(): Promise<void> {
    while (next < total) {
      next += 1;
      const started = performance.now();
      const answer = await send(gw.port, { host: project.host, headers: { Authorization: auth } });
      latencies.push(performance.now() - started);
      statuses.push(answer.status);
      during(statuses.length);
    }
  }
  await Promise.all(Array.from({ length: 16 }, worker));
  return { statuses, slowestMs: Math.max(...latencies) };
}

async function eventually(condition: () => Promise<boolean>, withinMs = 10_000): Promise<boolean> {
  const deadline = Date.now() + withinMs;
  while (Date.now() < deadline) {
    if (await condition()) return true;
    await new Promise((r) => setTimeout(r, 100));
  }
  return false;
}

describe("gateway with a failing Redis (private redis-server)", () => {
  let redis: PrivateRedis;
  let gw: Gw;
  let project: SeededProject;
  let auth: string;
  const breakerStates: BreakerState[] = [];

  beforeAll(async () => {
    redis = await startPrivateRedis();
    gw = await startTestGateway({
      redisUrl: redis.url,
      deps: {
        settings: {
          ...loadGatewaySettings({}),
          FLUX_GATEWAY_CONNECT_TIMEOUT_MS: 500,
          FLUX_GATEWAY_UPSTREAM_TIMEOUT_MS: 2_000,
          FLUX_GATEWAY_HOST_CACHE_TTL_MS: 60_000,
          FLUX_GATEWAY_REDIS_BREAKER_COOLDOWN_MS: 300,
        },
      },
    });
    gw.gateway.redisHealth?.onEvent((event) => {
      if (event.type === "breaker") breakerStates.push(event.state);
    });
    project = await seedProject(gw.seedDb.db, { rateLimitPerMinute: 1_000_000 });
    auth = `Bearer ${(await signProjectToken({ secret: project.secret, role: "anon", expiresInSeconds: 600 })).token}`;
  });
  afterAll(async () => {
    await gw?.close();
    await redis?.stop();
  });

  const counted = async (): Promise<number> => {
    const check = redis.client();
    const keys = await check.keys(`rate:{${project.tenantId}}:*`);
    const values = keys.length ? await check.mget(...keys) : [];
    check.disconnect();
    return values.reduce((sum, value) => sum + Number(value ?? 0), 0);
  };
  const usesRedisAgain = () =>
    eventually(async () => {
      const before = await counted().catch(() => 0);
      await send(gw.port, { host: project.host, headers: { Authorization: auth } });
      return (await counted().catch(() => 0)) > before;
    });

  it("counts requests in Redis while it is healthy", async () => {
    await load(gw, project, auth, 20);
    expect(await counted()).toBe(20);
    expect(gw.gateway.redisHealth?.breakerState()).toBe("closed");
  });

  it("fails no request when Redis is killed mid-load, keeps the slowest under 1 s, and uses Redis again once it is back", async () => {
    const run = await load(gw, project, auth, 400, (done) => {
      if (done === 100) void redis.kill();
    });
    expect(run.statuses.filter((status) => status !== 200)).toEqual([]);
    expect(run.slowestMs).toBeLessThan(1_000);
    const misses = gw.gateway.redisHealth?.failOpenCounts().ratelimit;
    expect((misses?.unavailable ?? 0) + (misses?.["breaker-open"] ?? 0)).toBeGreaterThan(0);

    await redis.restart();
    expect(await usesRedisAgain()).toBe(true);
    expect(gw.gateway.redisHealth?.breakerState()).toBe("closed");
  });

  it("keeps answering within bounded time while Redis is frozen (SIGSTOP), opens the breaker, and recovers on SIGCONT", async () => {
    breakerStates.length = 0;
    const timeoutsBefore = gw.gateway.redisHealth?.failOpenCounts().ratelimit.timeout ?? 0;
    redis.freeze();
    let run: Awaited<ReturnType<typeof load>>;
    try {
      run = await load(gw, project, auth, 300);
    } finally {
      redis.thaw();
    }
    expect(run.statuses.filter((status) => status !== 200)).toEqual([]);
    expect(run.slowestMs).toBeLessThan(1_000);
    expect(breakerStates).toContain("open");
    expect(gw.gateway.redisHealth?.failOpenCounts().ratelimit.timeout ?? 0).toBeGreaterThan(timeoutsBefore);
    expect(gw.gateway.redisHealth?.failOpenCounts().ratelimit["breaker-open"] ?? 0).toBeGreaterThan(0);

    expect(await usesRedisAgain()).toBe(true);
    expect(gw.gateway.redisHealth?.breakerState()).toBe("closed");
  });

  it("drops its whole host cache when the eviction subscriber reconnects (evictions sent meanwhile were lost)", async () => {
    expect((await send(gw.port, { host: project.host, headers: { Authorization: auth } })).status).toBe(200);
    await gw.seedDb.db.update(projects).set({ status: "suspended" }).where(eq(projects.tenantId, project.tenantId));
    // Cached for 60 s in-process: without an eviction the old answer stands.
    expect((await send(gw.port, { host: project.host, headers: { Authorization: auth } })).status).toBe(200);
    await redis.kill();
    await redis.restart();
    const suspended = await eventually(
      async () => (await send(gw.port, { host: project.host, headers: { Authorization: auth } })).status === 423,
    );
    expect(suspended).toBe(true);
  });
});
