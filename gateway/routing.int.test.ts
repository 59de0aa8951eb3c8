import http from "node:http";
import type { AddressInfo } from "node:net";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { projects } from "@/drizzle/schema";
import { signProjectToken } from "@/lib/jwt";
import { createInProcessActivity } from "./activity/in-process";
import { createInProcessRateLimiter } from "./ratelimit/in-process";
import type { UpstreamEcho } from "./testing/fake-upstream";
import { startTestGateway, type TestGateway } from "./testing/harness";
import { seedDomain, seedProject, type SeededProject } from "./testing/seed-project";
import { send, sendRaw } from "./testing/send";

let gw: TestGateway;
let project: SeededProject;
const activity = createInProcessActivity();

beforeAll(async () => {
  // A frozen clock in the middle of a minute keeps the rate-limit test off a window boundary.
  gw = await startTestGateway({ deps: { activity, rateLimiter: createInProcessRateLimiter({ now: () => 30_000 }) } });
  project = await seedProject(gw.seedDb.db);
});
afterAll(async () => {
  await gw?.close();
});

const bearer = async (p: SeededProject, role = "anon") =>
  `Bearer ${(await signProjectToken({ secret: p.secret, role, expiresInSeconds: 300 })).token}`;

describe("host resolution", () => {
  it("answers an unknown host with 404 FLUX-GW-404", async () => {
    const answer = await send(gw.port, { host: "api--nobody-here--0000000.localhost:8080" });
    expect(answer.status).toBe(404);
    expect(answer.json()).toEqual({
      code: "FLUX-GW-404",
      message: "No project is served at host 'api--nobody-here--0000000.localhost'",
      details: null,
      hint: "Check the Service URL in the dashboard or `flux projects list`",
      link: expect.stringMatching(/\/troubleshooting#wrong-host$/),
    });
  });

  it("still resolves an uppercase host with a port and a trailing dot", async () => {
    const answer = await send(gw.port, {
      host: `${project.host.toUpperCase()}.:8080`,
      headers: { Authorization: await bearer(project) },
    });
    expect(answer.status).toBe(200);
    expect((answer.json() as UpstreamEcho).bridge?.tenant_id).toBe(project.tenantId);
  });

  it("resolves the legacy dotted Service URL form", async () => {
    const answer = await send(gw.port, {
      host: `api.${project.slug}.${project.hash}.localhost`,
      headers: { Authorization: await bearer(project) },
    });
    expect(answer.status).toBe(200);
  });

  it("does not resolve one project's slug with another project's hash (stops cross-project routing after a rename)", async () => {
    const other = await seedProject(gw.seedDb.db);
    const answer = await send(gw.port, { host: `api--${project.slug}--${other.hash}.localhost` });
    expect(answer.status).toBe(404);
  });

  it("refuses two Host headers with 400", async () => {
    const answer = await sendRaw(
      gw.port,
      `GET /todos HTTP/1.1\nHost: ${project.host}\nHost: api--other-app--abcdef0.localhost`,
    );
    expect(answer.status).toBe(400);
    expect(answer.json()).toMatchObject({ code: "FLUX-GW-HOST-DUPLICATE" });
  });

  it("refuses an absolute-form request line naming another host than Host", async () => {
    const answer = await sendRaw(
      gw.port,
      `GET http://api--other-app--abcdef0.localhost/todos HTTP/1.1\nHost: ${project.host}`,
    );
    expect(answer.status).toBe(400);
    expect(answer.json()).toMatchObject({ code: "FLUX-GW-HOST-MISMATCH" });
  });

  it("routes a verified custom domain, and not an unverified one", async () => {
    const owner = await seedProject(gw.seedDb.db);
    await seedDomain(gw.seedDb.db, owner.tenantId, `data.${owner.slug}.example`, true);
    await seedDomain(gw.seedDb.db, owner.tenantId, `pending.${owner.slug}.example`, false);
    const verified = await send(gw.port, {
      host: `data.${owner.slug}.example`,
      headers: { Authorization: await bearer(owner) },
    });
    expect((verified.json() as UpstreamEcho).bridge?.tenant_id).toBe(owner.tenantId);
    expect((await send(gw.port, { host: `pending.${owner.slug}.example` })).status).toBe(404);
  });

  it("answers a suspended project with 423 FLUX-GW-SUSPENDED", async () => {
    const suspended = await seedProject(gw.seedDb.db, { status: "suspended" });
    const answer = await send(gw.port, { host: suspended.host, headers: { Authorization: await bearer(suspended) } });
    expect(answer.status).toBe(423);
    expect(answer.json()).toMatchObject({ code: "FLUX-GW-SUSPENDED" });
  });

  it("never writes to flux-system while serving (last_accessed_at untouched)", async () => {
    await send(gw.port, { host: project.host, headers: { Authorization: await bearer(project) } });
    const [row] = await gw.seedDb.db
      .select({ at: projects.lastAccessedAt })
      .from(projects)
      .where(eq(projects.tenantId, project.tenantId));
    expect(row?.at).toBeNull();
    expect(activity.peek(project.tenantId)).toBeGreaterThan(0);
  });
});

describe("limits, upstream failures and request ids", () => {
  it("answers 429 with Retry-After once the project's per-minute limit is used up, without forwarding", async () => {
    const limited = await seedProject(gw.seedDb.db, { rateLimitPerMinute: 3 });
    const authorization = await bearer(limited);
    const statuses: number[] = [];
    for (let i = 0; i < 3; i++)
      statuses.push((await send(gw.port, { host: limited.host, headers: { Authorization: authorization } })).status);
    const forwardedBefore = gw.upstream.seen.length;
    const refused = await send(gw.port, { host: limited.host, headers: { Authorization: authorization } });
    expect(statuses).toEqual([200, 200, 200]);
    expect(refused.status).toBe(429);
    expect(refused.headers["retry-after"]).toBe("30");
    expect(refused.headers).toMatchObject({
      "ratelimit-limit": "3",
      "ratelimit-remaining": "0",
      "ratelimit-reset": "30",
    });
    expect(refused.json()).toMatchObject({ code: "FLUX-GW-RATE-LIMITED" });
    expect(gw.upstream.seen.length).toBe(forwardedBefore);
  });

  it("answers 502 quickly when rest is down", async () => {
    const closed = http.createServer();
    await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
    const deadPort = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    const down = await startTestGateway({ restUrl: `http://127.0.0.1:${deadPort}` });
    try {
      const p = await seedProject(down.seedDb.db);
      const started = Date.now();
      const answer = await send(down.port, { host: p.host, headers: { Authorization: await bearer(p) } });
      expect(answer.status).toBe(502);
      expect(answer.json()).toMatchObject({ code: "FLUX-GW-UPSTREAM-UNAVAILABLE" });
      expect(Date.now() - started).toBeLessThan(1_000);
      expect((await send(down.port, { host: "127.0.0.1", path: "/readyz" })).status).toBe(503);
    } finally {
      await down.close();
    }
  });

  it("forwards method, path, query and body unchanged", async () => {
    const body = JSON.stringify({ title: "hello" });
    const answer = await send(gw.port, {
      host: project.host,
      method: "POST",
      path: "/todos?select=id,title",
      body,
      headers: {
        Authorization: await bearer(project),
        "Content-Type": "application/json",
        Prefer: "return=representation",
      },
    });
    expect(answer.json()).toMatchObject({
      method: "POST",
      url: "/todos?select=id,title",
      body,
      headers: {
        "content-type": "application/json",
        prefer: "return=representation",
        "content-length": String(body.length),
      },
    });
  });

  it("echoes a sane X-Request-ID and forwards it to rest", async () => {
    const answer = await send(gw.port, {
      host: project.host,
      headers: { Authorization: await bearer(project), "X-Request-ID": "trace-abc.123" },
    });
    expect(answer.headers["x-request-id"]).toBe("trace-abc.123");
    expect((answer.json() as UpstreamEcho).headers["x-request-id"]).toBe("trace-abc.123");
  });

  it("returns a request id on refusals too", async () => {
    const answer = await send(gw.port, { host: "unknown.localhost", headers: { "X-Request-ID": "refused-1" } });
    expect(answer.headers["x-request-id"]).toBe("refused-1");
  });
});
