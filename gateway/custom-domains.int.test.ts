import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addMember, newUser, testCtx } from "@/app/api/v1/route-test-kit";
import { closeServerDb } from "@/lib/api/server-db";
import { closeControlPlaneRedis } from "@/lib/cache/control-plane-redis";
import { addDomain } from "@/lib/domains/add-domain";
import { removeDomain } from "@/lib/domains/remove-domain";
import { verifyDomain } from "@/lib/domains/verify-domain";
import { signProjectToken } from "@/lib/jwt";
import { startRest, type RunningRest } from "@/rest/testing/harness";
import { startTestDnsServer, type TestDnsServer } from "@/tests/fixtures/dns-server";
import type { TestTenant } from "@/tests/fixtures/tenant";
import { startTestGateway, type TestGateway } from "./testing/harness";
import { seedProject, type SeededProject } from "./testing/seed-project";
import { send } from "./testing/send";
import { provisionTenantWithNote } from "./testing/tenant-with-note";

/**
 * Custom domains through the whole request path: the control plane's domain verbs write flux-system and evict,
 * two real gateways (shared Redis cache + pub/sub eviction) routes, the real rest serves two real tenants.
 * Both of the gateway's host caches live far longer than the test, so only eviction can explain a change.
 */
const redisUrl = process.env.REDIS_URL;

describe.skipIf(!redisUrl)("custom domains through the gateway", () => {
  let rest: RunningRest;
  let gw: TestGateway;
  let other: TestGateway;
  let dns: TestDnsServer;
  const tenants: TestTenant[] = [];
  type Project = SeededProject & { ctx: ReturnType<typeof testCtx> };
  let a: Project;
  let b: Project;

  async function projectServing(title: string): Promise<Project> {
    const tenant = await provisionTenantWithNote(title);
    tenants.push(tenant);
    const seeded = await seedProject(gw.seedDb.db, { tenantId: tenant.tenantId });
    const owner = await newUser();
    await addMember(seeded.tenantId, owner.id, "owner");
    return { ...seeded, ctx: testCtx(owner.actor) };
  }

  beforeAll(async () => {
    dns = await startTestDnsServer();
    process.env.FLUX_DNS_SERVERS = dns.address;
    process.env.FLUX_DNS_TIMEOUT_MS = "500";
    rest = await startRest();
    const longCaches = { FLUX_GATEWAY_HOST_CACHE_TTL_MS: "600000", FLUX_GATEWAY_REDIS_HOST_TTL_S: "600" };
    gw = await startTestGateway({ restUrl: rest.baseUrl, env: longCaches });
    other = await startTestGateway({ restUrl: rest.baseUrl, env: longCaches });
    a = await projectServing("from A");
    b = await projectServing("from B");
    await new Promise((resolve) => setTimeout(resolve, 300)); // the gateway's eviction subscription settles
  });
  afterAll(async () => {
    await gw?.close();
    await other?.close();
    await rest?.close();
    await dns?.close();
    for (const tenant of tenants) await tenant.cleanup();
    await closeServerDb();
    await closeControlPlaneRedis();
  });

  const notesAt = async (host: string, p: SeededProject, gateway = gw) => {
    const token = (await signProjectToken({ secret: p.secret, role: "anon", expiresInSeconds: 60 })).token;
    return send(gateway.port, { host, path: "/notes?select=title", headers: { Authorization: `Bearer ${token}` } });
  };

  const claim = (p: Project, host: string) => addDomain({ ctx: p.ctx, slug: p.slug, input: { hostname: host } });
  async function publishAndVerify(p: Project, claimed: Awaited<ReturnType<typeof claim>>): Promise<void> {
    dns.setTxt(claimed.verification.name, [claimed.verification.value]);
    await verifyDomain({ ctx: p.ctx, hostname: claimed.hostname });
  }

  it("routes a custom domain only once verified, and the verification takes effect on the next request", async () => {
    const host = `shop-${Date.now().toString(36)}.example.test`;
    const claimed = await claim(a, host);
    const pending = await notesAt(host, a);
    expect(pending.status).toBe(404);
    expect(pending.json()).toMatchObject({ code: "FLUX-GW-404" });

    await publishAndVerify(a, claimed);
    const verified = await notesAt(host, a);
    expect(verified.status).toBe(200);
    expect(verified.json()).toEqual([{ title: "from A" }]);
  });

  it("routes no request to the old tenant after removal, and a domain moved to another project routes to the new one", async () => {
    const host = `moving-${Date.now().toString(36)}.example.test`;
    await publishAndVerify(a, await claim(a, host));
    // Both gateways cache the route (in-process, and one of them fills the shared Redis entry).
    for (const gateway of [gw, other]) expect((await notesAt(host, a, gateway)).json()).toEqual([{ title: "from A" }]);

    await removeDomain({ ctx: a.ctx, hostname: host });
    for (let i = 0; i < 3; i++) {
      for (const gateway of [gw, other]) {
        const gone = await notesAt(host, a, gateway);
        expect(gone.status).toBe(404);
        expect(gone.body).not.toContain("from A");
      }
    }

    await publishAndVerify(b, await claim(b, host));
    for (const gateway of [gw, other]) {
      const moved = await notesAt(host, b, gateway);
      expect(moved.status).toBe(200);
      expect(moved.json()).toEqual([{ title: "from B" }]);
      const oldToken = await notesAt(host, a, gateway);
      expect(oldToken.status).toBe(401);
      expect(oldToken.body).not.toContain("from A");
    }
  });
});
