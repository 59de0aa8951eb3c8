import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { guardOn, useSharedRedis } from "../redis/testing/guard-on";
import { createRedisRateLimiter, leaseSize, rateKey } from "./redis";

const url = process.env.REDIS_URL ?? "";

describe.skipIf(!url)("Redis rate limiter (shared Redis)", () => {
  const shared = useSharedRedis(url);

  it("allows the limit within one minute and refuses the request after it, with the window's reset", async () => {
    const tenant = randomUUID();
    const at = Date.UTC(2030, 0, 1, 12, 0, 15);
    const limiter = createRedisRateLimiter(shared.guard, { now: () => at });
    const results = [];
    for (let i = 0; i < 21; i++) results.push(await limiter.hit(tenant, 20));
    expect(results.slice(0, 20).every((r) => r.allowed)).toBe(true);
    expect(results[19]).toMatchObject({ remaining: 0, resetSeconds: 45 });
    expect(results[20]).toMatchObject({ allowed: false, remaining: 0, resetSeconds: 45 });
    expect(results[20]?.failedOpen).toBeUndefined();
  });

  it("counts on rate:{tenant}:<window start> with an expiry past the window's end", async () => {
    const tenant = randomUUID();
    const at = Date.now();
    await createRedisRateLimiter(shared.guard, { now: () => at }).hit(tenant, 5);
    const key = rateKey(tenant, at - (at % 60_000));
    expect(key).toBe(`rate:{${tenant}}:${Math.floor((at - (at % 60_000)) / 1000)}`);
    expect(await shared.check.get(key)).toBe("1");
    const ttl = await shared.check.pttl(key);
    expect(ttl).toBeGreaterThan(0);
    expect(ttl).toBeLessThanOrEqual(65_000);
  });

  it("starts a fresh count in the next minute", async () => {
    const tenant = randomUUID();
    let at = Date.UTC(2030, 0, 1, 12, 0, 59);
    const limiter = createRedisRateLimiter(shared.guard, { now: () => at });
    await limiter.hit(tenant, 1);
    expect((await limiter.hit(tenant, 1)).allowed).toBe(false);
    at += 1_000;
    expect(await limiter.hit(tenant, 1)).toMatchObject({ allowed: true, remaining: 0, resetSeconds: 60 });
  });

  it("shares one budget between two gateway instances (two connections)", async () => {
    const tenant = randomUUID();
    const other = await guardOn(url, { commandTimeoutMs: 500 });
    try {
      const a = createRedisRateLimiter(shared.guard);
      const b = createRedisRateLimiter(other);
      await Promise.all([a.hit(tenant, 3), b.hit(tenant, 3), a.hit(tenant, 3)]);
      expect((await b.hit(tenant, 3)).allowed).toBe(false);
    } finally {
      other.close();
    }
  });

  it("counts hits of one event-loop turn in one call, and still gives every request its own place in the window", async () => {
    const tenant = randomUUID();
    const at = Date.now();
    const limiter = createRedisRateLimiter(shared.guard, { now: () => at });
    const results = await Promise.all(Array.from({ length: 25 }, () => limiter.hit(tenant, 20)));
    expect(results.filter((r) => r.allowed)).toHaveLength(20);
    expect(results.map((r) => r.remaining).slice(0, 20)).toEqual(Array.from({ length: 20 }, (_, i) => 19 - i));
    expect(results.slice(20).every((r) => !r.allowed && r.remaining === 0)).toBe(true);
    expect(await shared.check.get(rateKey(tenant, at - (at % 60_000)))).toBe("25");
    expect(await shared.check.pttl(rateKey(tenant, at - (at % 60_000)))).toBeGreaterThan(0);
  });

  it("takes places in leases of 1 % of a large limit, and hands them out without asking Redis again", async () => {
    const tenant = randomUUID();
    const at = Date.now();
    const key = rateKey(tenant, at - (at % 60_000));
    const limiter = createRedisRateLimiter(shared.guard, { now: () => at });
    expect([leaseSize(20), leaseSize(100), leaseSize(5_000), leaseSize(10_000), leaseSize(2_000_000_000)]).toEqual([
      1, 1, 50, 100, 100,
    ]);
    expect(await limiter.hit(tenant, 5_000)).toMatchObject({ allowed: true, remaining: 4_999 });
    expect(await shared.check.get(key)).toBe("50");
    for (let i = 2; i <= 50; i++) expect((await limiter.hit(tenant, 5_000)).remaining).toBe(5_000 - i);
    expect(await shared.check.get(key)).toBe("50");
    expect(await limiter.hit(tenant, 5_000)).toMatchObject({ allowed: true, remaining: 4_949 });
    expect(await shared.check.get(key)).toBe("100");
  });

  it("never lets the fleet past the limit: a second instance's lease starts after the first one's", async () => {
    const tenant = randomUUID();
    const other = await guardOn(url, { commandTimeoutMs: 500 });
    try {
      const at = Date.now();
      const a = createRedisRateLimiter(shared.guard, { now: () => at });
      const b = createRedisRateLimiter(other, { now: () => at });
      const results = [];
      for (let i = 0; i < 120; i++) results.push(await (i % 2 === 0 ? a : b).hit(tenant, 200));
      // leaseSize(200) = 2; 120 requests alternate between the instances, 200 places: all allowed, positions distinct.
      expect(results.every((r) => r.allowed)).toBe(true);
      expect(new Set(results.map((r) => r.remaining)).size).toBe(120);
      const more = [];
      for (let i = 0; i < 100; i++) more.push(await (i % 2 === 0 ? a : b).hit(tenant, 200));
      expect(more.filter((r) => r.allowed)).toHaveLength(80);
    } finally {
      other.close();
    }
  });

  it("refuses a window whose places are all taken without asking Redis again", async () => {
    const tenant = randomUUID();
    const at = Date.now();
    const key = rateKey(tenant, at - (at % 60_000));
    const limiter = createRedisRateLimiter(shared.guard, { now: () => at });
    expect((await limiter.hit(tenant, 1)).allowed).toBe(true);
    expect((await limiter.hit(tenant, 1)).allowed).toBe(false);
    expect(await limiter.hit(tenant, 1)).toMatchObject({ allowed: false, remaining: 0 });
    // The first answer took place 1 of 1: the window is full, so the refusals never reached Redis.
    expect(await shared.check.get(key)).toBe("1");
  });

  it("still counts after Redis forgot the script (EVALSHA → NOSCRIPT → EVAL)", async () => {
    const tenant = randomUUID();
    const limiter = createRedisRateLimiter(shared.guard);
    await limiter.hit(tenant, 10);
    await shared.check.script("FLUSH");
    expect(await limiter.hit(tenant, 10)).toMatchObject({ allowed: true, remaining: 8 });
    expect(shared.guard.health.failOpenCounts().ratelimit).toEqual({
      "breaker-open": 0,
      unavailable: 0,
      timeout: 0,
      error: 0,
    });
  });

  it("fails open, counted as unavailable, when nothing listens on the Redis port", async () => {
    const dead = await guardOn("redis://127.0.0.1:1", { commandTimeoutMs: 50 });
    try {
      const started = performance.now();
      const result = await createRedisRateLimiter(dead).hit(randomUUID(), 1);
      expect(performance.now() - started).toBeLessThan(100);
      expect(result).toMatchObject({ allowed: true, failedOpen: true });
      expect(dead.health.failOpenCounts().ratelimit.unavailable).toBe(1);
      const batch = await Promise.all([1, 2, 3].map(() => createRedisRateLimiter(dead).hit(randomUUID(), 1)));
      expect(batch.every((r) => r.allowed && r.failedOpen)).toBe(true);
      expect(dead.health.failOpenCounts().ratelimit.unavailable).toBe(4);
    } finally {
      dead.close();
    }
  });
});
