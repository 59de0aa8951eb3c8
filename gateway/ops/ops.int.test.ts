import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { gatewayDatabaseUrl, gatewayRoleName } from "@/lib/db/gateway-role";
import { signProjectToken } from "@/lib/jwt";
import type { LogEntry } from "../log";
import { startTestGateway, type TestGateway } from "../testing/harness";
import { seedProject, type SeededProject } from "../testing/seed-project";
import { send } from "../testing/send";

const INTERNAL_TOKEN = "internal-".padEnd(48, "z");
let gw: TestGateway;
let project: SeededProject;

beforeAll(async () => {
  gw = await startTestGateway({ env: { FLUX_GATEWAY_INTERNAL_TOKEN: INTERNAL_TOKEN, FLUX_GATEWAY_DEBUG: "1" } });
  project = await seedProject(gw.seedDb.db, { plan: "pro" });
});
afterAll(async () => {
  await gw?.close();
});

const bearer = async (p: SeededProject) =>
  `Bearer ${(await signProjectToken({ secret: p.secret, role: "anon", expiresInSeconds: 300 })).token}`;

describe("shutdown", () => {
  it("finishes an in-flight request when closed, then refuses new connections", async () => {
    const draining = await startTestGateway();
    const p = await seedProject(draining.seedDb.db);
    const inFlight = send(draining.port, {
      host: p.host,
      path: "/todos?delay_ms=300",
      headers: { Authorization: await bearer(p) },
    });
    await new Promise((resolve) => setTimeout(resolve, 100));
    const closed = draining.close();
    expect((await inFlight).status).toBe(200);
    await closed;
    await expect(send(draining.port, { host: "127.0.0.1", path: "/healthz" })).rejects.toThrow(/ECONNREFUSED/);
  });
});

describe("ops endpoints", () => {
  it("answers /healthz on loopback and IP hosts", async () => {
    for (const host of ["127.0.0.1", "localhost:8080", "[::1]:8080"]) {
      const answer = await send(gw.port, { host, path: "/healthz" });
      expect(answer.status).toBe(200);
      expect(answer.json()).toEqual({ status: "ok" });
    }
  });

  it("does not shadow a tenant table called healthz: on a Service URL host the path is tenant traffic", async () => {
    const answer = await send(gw.port, {
      host: project.host,
      path: "/healthz",
      headers: { Authorization: await bearer(project) },
    });
    expect(answer.status).toBe(200);
    expect(gw.upstream.seen.at(-1)?.url).toBe("/healthz");
    expect((await send(gw.port, { host: project.host, path: "/readyz" })).json()).toMatchObject({
      code: "FLUX-GW-AUTH-MISSING",
    });
  });

  it("answers a browser CORS preflight without a token and without forwarding it", async () => {
    const before = gw.upstream.seen.length;
    const answer = await send(gw.port, {
      host: project.host,
      method: "OPTIONS",
      headers: { Origin: "https://app.example", "Access-Control-Request-Method": "GET" },
    });
    expect(answer.status).toBe(204);
    expect(answer.headers["access-control-allow-origin"]).toBe("*");
    expect(gw.upstream.seen.length).toBe(before);
  });

  it("answers /readyz 200 when flux-system and rest answer", async () => {
    const answer = await send(gw.port, { host: "127.0.0.1", path: "/readyz" });
    expect(answer.status).toBe(200);
    expect(answer.json()).toEqual({ status: "ok", checks: { database: "ok", rest: "ok", upstreams: ["ok"] } });
  });

  it("serves Prometheus metrics with the internal token: requests by status and plan, step latency", async () => {
    await send(gw.port, { host: project.host, headers: { Authorization: await bearer(project) } });
    expect((await send(gw.port, { host: "127.0.0.1", path: "/metrics" })).status).toBe(401);
    const answer = await send(gw.port, {
      host: "127.0.0.1",
      path: "/metrics",
      headers: { Authorization: `Bearer ${INTERNAL_TOKEN}` },
    });
    expect(answer.status).toBe(200);
    expect(answer.headers["content-type"]).toMatch(/^text\/plain/);
    expect(answer.body).toMatch(/flux_gateway_requests_total\{status="200",plan="pro"\} \d+/);
    expect(answer.body).toContain('flux_gateway_step_duration_seconds_bucket{le="0.001",step="verify"}');
    expect(answer.body).toContain("flux_gateway_host_cache_total");
    expect(answer.body).toContain("flux_gateway_redis_fail_open_total");
  });

  it("shows the debug snapshot only with the internal token, redacted, with recent dispatch rows without queries", async () => {
    await send(gw.port, {
      host: project.host,
      path: "/todos?secret_filter=eq.1",
      headers: { Authorization: await bearer(project) },
    });
    expect((await send(gw.port, { host: "127.0.0.1", path: "/__flux/debug" })).status).toBe(401);
    const answer = await send(gw.port, {
      host: "127.0.0.1",
      path: "/__flux/debug",
      headers: { Authorization: `Bearer ${INTERNAL_TOKEN}` },
    });
    expect(answer.status).toBe(200);
    const text = answer.body;
    expect(text).not.toContain(INTERNAL_TOKEN);
    expect(text).not.toContain(process.env.FLUX_BRIDGE_SECRET);
    expect(text).not.toContain(process.env.FLUX_MASTER_KEY);
    expect(text).not.toContain("secret_filter");
    // The gateway's own flux-system login: named (redacted), its derived password never shown.
    const gatewayLogin = new URL(
      gatewayDatabaseUrl(process.env.DATABASE_URL ?? "", process.env.FLUX_DATA_PLANE_KEY ?? ""),
    );
    expect(text).not.toContain(gatewayLogin.password);
    const snapshot = answer.json() as { gateway: { database: string }; recent: Array<Record<string, unknown>> };
    expect(snapshot.gateway.database).toContain(`${gatewayRoleName(process.env.DATABASE_URL ?? "")}:***@`);
    expect(snapshot.recent.find((row) => row.path === "/todos" && row.tenantId === project.tenantId)).toMatchObject({
      method: "GET",
      status: 200,
      timings: expect.objectContaining({
        resolve: expect.any(Number),
        verify: expect.any(Number),
        proxy: expect.any(Number),
      }),
    });
  });

  it("has no debug endpoint at all when debug mode is off, even with the token", async () => {
    const plain = await startTestGateway({ env: { FLUX_GATEWAY_INTERNAL_TOKEN: INTERNAL_TOKEN } });
    try {
      const answer = await send(plain.port, {
        host: "127.0.0.1",
        path: "/__flux/debug",
        headers: { Authorization: `Bearer ${INTERNAL_TOKEN}` },
      });
      expect(answer.status).toBe(404);
      // Without a token configured, /metrics serves loopback scrapers only (this test's peer is loopback).
      const noToken = await startTestGateway();
      expect((await send(noToken.port, { host: "127.0.0.1", path: "/metrics" })).status).toBe(200);
      await noToken.close();
    } finally {
      await plain.close();
    }
  });
});

describe("structured logs", () => {
  it("log one JSON entry per request with its request id, and never a token or a secret", async () => {
    const entries: LogEntry[] = [];
    const logged = await startTestGateway({ deps: { logger: (entry) => entries.push(entry) } });
    try {
      const p = await seedProject(logged.seedDb.db);
      const good = await bearer(p);
      const forged = (await signProjectToken({ secret: "x".repeat(64), role: "anon", expiresInSeconds: 60 })).token;
      await send(logged.port, {
        host: p.host,
        headers: { Authorization: good, "X-Request-ID": "trace-me-1", Cookie: "session=cookie-secret" },
      });
      await send(logged.port, {
        host: p.host,
        path: "/todos?apikey=query-secret",
        headers: { Authorization: `Bearer ${forged}` },
      });
      await send(logged.port, { host: p.host, path: "/todos?delay_ms=5000", headers: { Authorization: good } });
      const bridgeToken = String(logged.upstream.seen.at(-1)?.headers.authorization).replace("Bearer ", "");
      const text = JSON.stringify(entries);
      expect(entries.find((entry) => entry.requestId === "trace-me-1")).toMatchObject({
        msg: "request",
        status: 200,
        tenantId: p.tenantId,
      });
      for (const secret of [
        good.replace("Bearer ", ""),
        forged,
        bridgeToken,
        p.secret,
        "cookie-secret",
        "query-secret",
        process.env.FLUX_BRIDGE_SECRET ?? "?",
        process.env.FLUX_MASTER_KEY ?? "?",
      ]) {
        expect(text).not.toContain(secret);
      }
    } finally {
      await logged.close();
    }
  });
});
