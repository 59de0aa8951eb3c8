import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { guardOn, useSharedRedis } from "../redis/testing/guard-on";
import { activityKey, createRedisActivity } from "./redis";

const url = process.env.REDIS_URL ?? "";

describe.skipIf(!url)("Redis activity recorder (shared Redis)", () => {
  const shared = useSharedRedis(url);

  it("adds the requests counted since the last flush to activity:<tenant> — the key worker/activity-flush.ts scans — with a 60 s TTL", async () => {
    const tenant = randomUUID();
    const recorder = createRedisActivity(shared.guard);
    await recorder.record(tenant);
    await recorder.record(tenant);
    expect(await shared.check.get(`activity:${tenant}`)).toBeNull();
    await recorder.close();
    expect(activityKey(tenant)).toBe(`activity:${tenant}`);
    expect(await shared.check.get(`activity:${tenant}`)).toBe("2");
    const ttl = await shared.check.ttl(`activity:${tenant}`);
    expect(ttl).toBeGreaterThan(50);
    expect(ttl).toBeLessThanOrEqual(60);
  });

  it("never rejects when Redis is unreachable; the miss is counted", async () => {
    const dead = await guardOn("redis://127.0.0.1:1");
    try {
      const recorder = createRedisActivity(dead);
      await expect(recorder.record(randomUUID())).resolves.toBeUndefined();
      await expect(recorder.record(randomUUID())).resolves.toBeUndefined();
      await expect(recorder.close()).resolves.toBeUndefined();
      expect(dead.health.failOpenCounts().activity.unavailable).toBe(2);
    } finally {
      dead.close();
    }
  });
});
