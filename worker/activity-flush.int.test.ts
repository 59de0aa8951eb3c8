import { randomUUID } from "node:crypto";
import { eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { projects } from "@/drizzle/schema";
import { signProjectToken } from "@/lib/jwt";
import { activityKey } from "@/gateway/activity/redis";
import { startPrivateRedis, type PrivateRedis } from "@/gateway/faults/redis-process";
import { startTestGateway, type TestGateway } from "@/gateway/testing/harness";
import { seedProject, type SeededProject } from "@/gateway/testing/seed-project";
import { send } from "@/gateway/testing/send";
import { flushActivity } from "./activity-flush";
import { startActivityFlushLoop } from "./activity-loop";

/**
 * Issue 4 step 7 end to end with real processes: the gateway INCRs `activity:<tenant>` in a private
 * redis-server (so no other test run's keys are touched), and the worker's flush records last_accessed_at.
 */
let redis: PrivateRedis;
let gw: TestGateway;

beforeAll(async () => {
  redis = await startPrivateRedis();
  gw = await startTestGateway({ redisUrl: redis.url });
});
afterAll(async () => {
  await gw?.close();
  await redis?.stop();
});

const lastAccessed = async (tenantIds: string[]) =>
  new Map(
    (
      await gw.seedDb.db
        .select({ id: projects.tenantId, at: projects.lastAccessedAt })
        .from(projects)
        .where(inArray(projects.tenantId, tenantIds))
    ).map((row) => [row.id, row.at]),
  );

async function request(project: SeededProject): Promise<void> {
  const token = (await signProjectToken({ secret: project.secret, role: "anon", expiresInSeconds: 60 })).token;
  expect((await send(gw.port, { host: project.host, headers: { Authorization: `Bearer ${token}` } })).status).toBe(200);
}

async function until(condition: () => Promise<boolean>, withinMs = 5_000): Promise<void> {
  const deadline = Date.now() + withinMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error("condition not met in time");
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe("activity: gateway → Redis → worker → projects.last_accessed_at", () => {
  it("records the gateway's served tenants, leaves idle ones alone, and deletes the flushed keys", async () => {
    const [busy, idle] = [await seedProject(gw.seedDb.db), await seedProject(gw.seedDb.db)];
    const client = redis.client();
    await request(busy);
    await until(async () => (await client.get(activityKey(busy.tenantId))) !== null);
    expect(await client.ttl(activityKey(busy.tenantId))).toBeGreaterThan(0);

    const before = new Date();
    expect(await flushActivity({ db: gw.seedDb.db, redis: client })).toBe(1);
    const seen = await lastAccessed([busy.tenantId, idle.tenantId]);
    expect(seen.get(busy.tenantId)?.getTime()).toBeGreaterThanOrEqual(before.getTime() - 1_000);
    expect(seen.get(idle.tenantId)).toBeNull();
    expect(await client.exists(activityKey(busy.tenantId))).toBe(0);
  });

  it("ignores keys that are not a tenant id, and ids with no project, without failing the flush", async () => {
    const client = redis.client();
    const ghost = randomUUID();
    await client.set("activity:not-a-tenant'; drop table projects;--", "1");
    await client.set(activityKey(ghost), "1");
    const project = await seedProject(gw.seedDb.db);
    await request(project);
    await until(async () => (await client.exists(activityKey(project.tenantId))) === 1);
    expect(await flushActivity({ db: gw.seedDb.db, redis: client })).toBe(2);
    expect((await lastAccessed([project.tenantId])).get(project.tenantId)).toBeInstanceOf(Date);
    expect(await gw.seedDb.db.select().from(projects).where(eq(projects.tenantId, ghost))).toEqual([]);
  });

  it("runs as a loop on its interval", async () => {
    const client = redis.client();
    const project = await seedProject(gw.seedDb.db);
    const errors: unknown[] = [];
    const loop = startActivityFlushLoop({
      db: gw.seedDb.db,
      redis: client,
      everyMs: 100,
      onError: (e) => errors.push(e),
    });
    try {
      await request(project);
      await until(async () => (await lastAccessed([project.tenantId])).get(project.tenantId) instanceof Date);
    } finally {
      await loop.stop();
    }
    expect(errors).toEqual([]);
  });

  it("flushes once more when stopped, so a deploy between two ticks loses no activity", async () => {
    const client = redis.client();
    const project = await seedProject(gw.seedDb.db);
    const loop = startActivityFlushLoop({ db: gw.seedDb.db, redis: client, everyMs: 60_000 });
    await request(project);
    await until(async () => (await client.exists(activityKey(project.tenantId))) === 1);
    expect((await lastAccessed([project.tenantId])).get(project.tenantId)).toBeNull();
    await loop.stop();
    expect((await lastAccessed([project.tenantId])).get(project.tenantId)).toBeInstanceOf(Date);
  });

  it("survives Redis being down: the flush fails, is reported, and the next tick succeeds", async () => {
    const client = redis.client();
    const errors: unknown[] = [];
    await redis.kill();
    const loop = startActivityFlushLoop({
      db: gw.seedDb.db,
      redis: client,
      everyMs: 100,
      onError: (e) => errors.push(e),
    });
    try {
      await until(async () => errors.length > 0);
      await redis.restart();
      const project = await seedProject(gw.seedDb.db);
      await until(async () => {
        await request(project);
        return (await lastAccessed([project.tenantId])).get(project.tenantId) instanceof Date;
      }, 10_000);
    } finally {
      await loop.stop();
    }
  });
});
