import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { projects } from "@/drizzle/schema";
import { evictHostnames } from "@/lib/cache/evict-hostnames";
import { hostnameKey } from "@/lib/cache/keys";
import { createDb, type DbHandle } from "@/lib/db";
import { guardOn, useSharedRedis } from "../redis/testing/guard-on";
import { seedProject } from "../testing/seed-project";
import { subscribeToHostEvictions } from "./host-evictions";
import { createProjectDirectory } from "./project-directory";
import { createRedisHostCache } from "./shared-host-cache";

const url = process.env.REDIS_URL ?? "";

describe.skipIf(!url)("host directory with the shared Redis cache", () => {
  let handle: DbHandle;
  const shared = useSharedRedis(url);
  const check = shared.check;
  beforeAll(() => {
    handle = createDb(process.env.DATABASE_URL ?? "", { max: 2, applicationName: "gateway-shared-cache-test" });
  });
  afterAll(async () => {
    await handle.close();
  });

  const instance = () =>
    createProjectDirectory({
      db: handle.db,
      masterKey: process.env.FLUX_MASTER_KEY ?? "",
      baseDomain: "localhost",
      ttlMs: 60_000,
      shared: createRedisHostCache(shared.guard, { ttlSeconds: 60 }),
    });

  const until = async (condition: () => Promise<boolean>) => {
    for (let i = 0; i < 100 && !(await condition()); i++) await new Promise((r) => setTimeout(r, 20));
    return condition();
  };

  it("stores the row under hostname:{host} with the JWT secret still sealed, never in plaintext", async () => {
    const seeded = await seedProject(handle.db);
    await instance().resolve(seeded.host);
    expect(await until(async () => (await check.exists(hostnameKey(seeded.host))) === 1)).toBe(true);
    const stored = (await check.get(`hostname:{${seeded.host}}`)) ?? "";
    expect(stored).toContain(seeded.tenantId);
    expect(stored).not.toContain(seeded.secret);
    expect(JSON.parse(stored).row.jwtSecretEncrypted).toEqual(expect.any(String));
    expect(await check.ttl(hostnameKey(seeded.host))).toBeGreaterThan(50);
  });

  it("serves a second gateway instance from Redis (flux-system is not asked again)", async () => {
    const seeded = await seedProject(handle.db);
    await instance().resolve(seeded.host);
    await until(async () => (await check.exists(hostnameKey(seeded.host))) === 1);
    await handle.db.update(projects).set({ status: "suspended" }).where(eq(projects.tenantId, seeded.tenantId));
    expect((await instance().resolve(seeded.host))?.status).toBe("active");
  });

  it("ignores a shared entry whose slug or hash does not match the host (a poisoned cache routes nowhere new)", async () => {
    const victim = await seedProject(handle.db);
    const attacker = await seedProject(handle.db);
    await instance().resolve(attacker.host);
    await until(async () => (await check.exists(hostnameKey(attacker.host))) === 1);
    await check.set(hostnameKey(victim.host), (await check.get(hostnameKey(attacker.host))) ?? "", "EX", 60);
    expect((await instance().resolve(victim.host))?.tenantId).toBe(victim.tenantId);
  });

  it("evicts a host on every instance: the key is deleted and each subscriber drops it from its LRU", async () => {
    const seeded = await seedProject(handle.db);
    const a = instance();
    const b = instance();
    const subscriptions = [a, b].map((dir) => {
      let heard = 0;
      const sub = subscribeToHostEvictions(url, dir, { onMessage: () => (heard += 1) });
      return { sub, heard: () => heard };
    });
    try {
      await new Promise((r) => setTimeout(r, 300)); // subscriptions settle (a fresh connection clears the LRU)
      await a.resolve(seeded.host);
      await b.resolve(seeded.host);
      await handle.db.update(projects).set({ status: "suspended" }).where(eq(projects.tenantId, seeded.tenantId));
      expect((await a.resolve(seeded.host))?.status).toBe("active");
      await evictHostnames(check, [seeded.host]);
      expect(await until(async () => subscriptions.every((s) => s.heard() > 0))).toBe(true);
      expect(await check.exists(hostnameKey(seeded.host))).toBe(0);
      expect((await a.resolve(seeded.host))?.status).toBe("suspended");
      expect((await b.resolve(seeded.host))?.status).toBe("suspended");
    } finally {
      await Promise.all(subscriptions.map((s) => s.sub.close()));
    }
  });

  it("falls back to flux-system when Redis is unreachable", async () => {
    const seeded = await seedProject(handle.db);
    const dead = await guardOn("redis://127.0.0.1:1");
    try {
      const dir = createProjectDirectory({
        db: handle.db,
        masterKey: process.env.FLUX_MASTER_KEY ?? "",
        baseDomain: "localhost",
        shared: createRedisHostCache(dead, { ttlSeconds: 60 }),
      });
      expect((await dir.resolve(seeded.host))?.tenantId).toBe(seeded.tenantId);
      expect(dead.health.failOpenCounts().directory.unavailable).toBe(2);
    } finally {
      dead.close();
    }
  });
});
