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
async function load(
  gw: Gw,
  project: SeededProject,
  auth: string,
  total: number,
  during: (done: number) => void = () => {},
) {
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
          // Every request asks Redis, so each one shows how the gateway copes with a failing Redis.
          FLUX_GATEWAY_RATE_LIMIT_LEASE_MAX: 1,
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

  /**
   * 1 s over the slowest request of a healthy run just before: on a loaded shared machine a healthy request can
   * itself take hundreds of ms, and the bound is about what Redis adds, not about the machine.
   */
  const latencyBound = async () => 1_000 + (await load(gw, project, auth, 100)).slowestMs;

  it("counts requests in Redis while it is healthy", async () => {
    await load(gw, project, auth, 20);
    // On a loaded machine a 50 ms answer can be late: such a request is allowed uncounted, and says so.
    const misses = Object.values(gw.gateway.redisHealth?.failOpenCounts().ratelimit ?? {}).reduce((a, b) => a + b, 0);
    expect(await counted()).toBeGreaterThanOrEqual(20 - misses);
    expect(await counted()).toBeLessThanOrEqual(20);
    expect(await counted()).toBeGreaterThan(0);
  });

  it("fails no request when Redis is killed mid-load, adds under 1 s to the slowest, and uses Redis again once it is back", async () => {
    const bound = await latencyBound();
    const run = await load(gw, project, auth, 400, (done) => {
      if (done === 100) void redis.kill();
    });
    expect(run.statuses.filter((status) => status !== 200)).toEqual([]);
    expect(run.slowestMs).toBeLessThan(bound);
    const misses = gw.gateway.redisHealth?.failOpenCounts().ratelimit;
    expect((misses?.unavailable ?? 0) + (misses?.["breaker-open"] ?? 0)).toBeGreaterThan(0);
    expect(misses?.error).toBe(0); // every failure was recognised as an outage or a timeout

    await redis.restart();
    expect(await usesRedisAgain()).toBe(true);
    expect(gw.gateway.redisHealth?.breakerState()).toBe("closed");
  });

  it("keeps answering within bounded time while Redis is frozen (SIGSTOP), opens the breaker, and recovers on SIGCONT", async () => {
    const bound = await latencyBound();
    breakerStates.length = 0;
    const before = gw.gateway.redisHealth?.failOpenCounts().ratelimit;
    redis.freeze();
    let run: Awaited<ReturnType<typeof load>>;
    try {
      run = await load(gw, project, auth, 300);
    } finally {
      redis.thaw();
    }
    expect(run.statuses.filter((status) => status !== 200)).toEqual([]);
    expect(run.slowestMs).toBeLessThan(bound);
    expect(breakerStates).toContain("open");
    const after = gw.gateway.redisHealth?.failOpenCounts().ratelimit;
    expect((after?.timeout ?? 0) - (before?.timeout ?? 0)).toBeGreaterThan(0);
    // Most requests did not wait for the frozen Redis at all: the open breaker skipped it.
    expect((after?.["breaker-open"] ?? 0) - (before?.["breaker-open"] ?? 0)).toBeGreaterThan(150);

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
