import { eq } from "drizzle-orm";
import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { projects } from "@/drizzle/schema";
import { evictHostnames } from "@/lib/cache/evict-hostnames";
import { signProjectToken } from "@/lib/jwt";
import { loadGatewaySettings } from "../config";
import { startTestGateway } from "../testing/harness";
import { seedProject } from "../testing/seed-project";
import { send } from "../testing/send";

const url = process.env.REDIS_URL ?? "";

/** Two gateway instances on the shared Redis, as a fleet runs them; host cache TTL long, so only eviction helps. */
describe.skipIf(!url)("a fleet of gateways on Redis", () => {
  let a: Awaited<ReturnType<typeof startTestGateway>>;
  let b: Awaited<ReturnType<typeof startTestGateway>>;
  const redis = new Redis(url);
  const settings = {
    ...loadGatewaySettings({}),
    FLUX_GATEWAY_HOST_CACHE_TTL_MS: 60_000,
    FLUX_GATEWAY_REDIS_COMMAND_TIMEOUT_MS: 1_000,
  };
  beforeAll(async () => {
    a = await startTestGateway({ redisUrl: url, deps: { settings } });
    b = await startTestGateway({ redisUrl: url, deps: { settings } });
  });
  afterAll(async () => {
    await a?.close();
    await b?.close();
    redis.disconnect();
  });

  const bearer = async (secret: string) =>
    `Bearer ${(await signProjectToken({ secret, role: "anon", expiresInSeconds: 300 })).token}`;

  it("shares one per-minute budget: the request over the limit is refused by whichever instance gets it", async () => {
    const minute = () => Math.floor(Date.now() / 60_000);
    // A run that straddles a minute boundary starts a fresh window midway; run it again in one window.
    for (let attempt = 0; attempt < 3; attempt++) {
      const startedIn = minute();
      const project = await seedProject(a.seedDb.db, { rateLimitPerMinute: 3 });
      const auth = await bearer(project.secret);
      const statuses = [];
      for (const gw of [a, b, a, b])
        statuses.push((await send(gw.port, { host: project.host, headers: { Authorization: auth } })).status);
      if (minute() !== startedIn) continue;
      expect(statuses).toEqual([200, 200, 200, 429]);
      const forwarded = [...a.upstream.seen, ...b.upstream.seen].filter(
        (seen) => seen.bridge?.tenant_id === project.tenantId,
      );
      expect(forwarded).toHaveLength(3);
      return;
    }
    throw new Error("every attempt straddled a minute boundary");
  });

  it("applies a changed limit on every instance within seconds of the control plane's eviction", async () => {
    const project = await seedProject(a.seedDb.db);
    const auth = await bearer(project.secret);
    for (const gw of [a, b]) {
      expect(
        (await send(gw.port, { host: project.host, headers: { Authorization: auth } })).headers["ratelimit-limit"],
      ).toBe("20");
    }
    await a.seedDb.db.update(projects).set({ rateLimitPerMinute: 500 }).where(eq(projects.tenantId, project.tenantId));
    await evictHostnames(redis, [project.host]);
    for (const gw of [a, b]) {
      let limit: unknown;
      for (let i = 0; i < 50 && limit !== "500"; i++) {
        limit = (await send(gw.port, { host: project.host, headers: { Authorization: auth } })).headers[
          "ratelimit-limit"
        ];
        if (limit !== "500") await new Promise((r) => setTimeout(r, 20));
      }
      expect(limit).toBe("500");
    }
  });
});
