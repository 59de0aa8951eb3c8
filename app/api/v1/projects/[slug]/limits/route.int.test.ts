import { and, eq } from "drizzle-orm";
import { Redis } from "ioredis";
import { afterAll, describe, expect, it } from "vitest";
import { auditLog, projects } from "@/drizzle/schema";
import { getServerConfig } from "@/lib/api/server-config";
import { closeServerDb, getServerDb } from "@/lib/api/server-db";
import { closeControlPlaneRedis } from "@/lib/cache/control-plane-redis";
import { HOSTNAME_EVICT_CHANNEL, hostnameKey } from "@/lib/cache/keys";
import { serviceHostname } from "@/lib/tenancy";
import { addMember, call, errorOf, newSignedInUser } from "../../../route-test-kit";
import { newProject } from "../../../project-test-kit";
import { PATCH } from "./route";

afterAll(async () => {
  await closeServerDb();
  await closeControlPlaneRedis();
});

async function projectOf(owner: { token: string }) {
  const { slug, tenantId, hash } = await newProject(owner, "pro", "lim");
  return { slug, tenantId, hash };
}

const patch = (token: string, slug: string, body: unknown) =>
  call(PATCH, "PATCH", `/api/v1/projects/${slug}/limits`, { token, params: { slug }, body });

const storedLimit = async (tenantId: string) =>
  (await getServerDb().select().from(projects).where(eq(projects.tenantId, tenantId)))[0]?.rateLimitPerMinute;

describe("PATCH /api/v1/projects/[slug]/limits", () => {
  it("sets the project's own limit, audits old and new value, and resets to the plan's default", async () => {
    const owner = await newSignedInUser();
    const project = await projectOf(owner);
    const set = await patch(owner.token, project.slug, { requestsPerMinute: 500 });
    expect(set.status).toBe(200);
    expect(set.body).toEqual({ slug: project.slug, requestsPerMinute: 500, effectiveRequestsPerMinute: 500 });
    expect(await storedLimit(project.tenantId)).toBe(500);

    const reset = await patch(owner.token, project.slug, { requestsPerMinute: null });
    expect(reset.body).toEqual({ slug: project.slug, requestsPerMinute: null, effectiveRequestsPerMinute: 100 });
    expect(await storedLimit(project.tenantId)).toBeNull();

    const audit = await getServerDb()
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.tenantId, project.tenantId), eq(auditLog.action, "project.limits.update")));
    expect(audit.map((row) => row.details)).toEqual(
      expect.arrayContaining([
        { slug: project.slug, requestsPerMinute: { from: null, to: 500 } },
        { slug: project.slug, requestsPerMinute: { from: 500, to: null } },
      ]),
    );
    expect(audit.every((row) => row.actorUserId === owner.id)).toBe(true);
  });

  it("refuses limits outside 1..1,000,000 and non-integers with 400 naming the field", async () => {
    const owner = await newSignedInUser();
    const { slug, tenantId } = await projectOf(owner);
    for (const requestsPerMinute of [0, -5, 1_000_001, 2.5, "100"]) {
      const res = await patch(owner.token, slug, { requestsPerMinute });
      expect(res.status).toBe(400);
      expect(errorOf(res.body).message).toMatch(/requestsPerMinute/);
    }
    expect((await patch(owner.token, slug, {})).status).toBe(400);
    expect(await storedLimit(tenantId)).toBeNull();
    expect((await patch(owner.token, slug, { requestsPerMinute: 1_000_000 })).status).toBe(200);
  });

  it("does not let a developer or viewer (403) or a stranger (404) lift a project's rate limit", async () => {
    const owner = await newSignedInUser();
    const { slug, tenantId } = await projectOf(owner);
    const developer = await newSignedInUser();
    const viewer = await newSignedInUser();
    const stranger = await newSignedInUser();
    await addMember(tenantId, developer.id, "developer");
    await addMember(tenantId, viewer.id, "viewer");
    expect((await patch(developer.token, slug, { requestsPerMinute: 1_000_000 })).status).toBe(403);
    expect((await patch(viewer.token, slug, { requestsPerMinute: 1_000_000 })).status).toBe(403);
    expect((await patch(stranger.token, slug, { requestsPerMinute: 1_000_000 })).status).toBe(404);
    expect(await storedLimit(tenantId)).toBeNull();
  });

  it.skipIf(!process.env.REDIS_URL)(
    "evicts the project's hosts: deletes hostname:{host} and announces it to the gateways",
    async () => {
      const owner = await newSignedInUser();
      const project = await projectOf(owner);
      const host = serviceHostname(project, getServerConfig().FLUX_BASE_DOMAIN);
      const redis = new Redis(process.env.REDIS_URL ?? "");
      const listener = new Redis(process.env.REDIS_URL ?? "");
      try {
        const heard: string[][] = [];
        listener.on("message", (_channel: string, message: string) => heard.push(JSON.parse(message) as string[]));
        await listener.subscribe(HOSTNAME_EVICT_CHANNEL);
        await redis.set(hostnameKey(host), "stale", "EX", 60);
        expect((await patch(owner.token, project.slug, { requestsPerMinute: 7 })).status).toBe(200);
        expect(await redis.exists(hostnameKey(host))).toBe(0);
        for (let i = 0; i < 50 && !heard.some((hosts) => hosts.includes(host)); i++)
          await new Promise((r) => setTimeout(r, 20));
        expect(heard.some((hosts) => hosts.includes(host))).toBe(true);
      } finally {
        redis.disconnect();
        listener.disconnect();
      }
    },
  );
});
