import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signProjectToken } from "@/lib/jwt";
import { roleNameOf, schemaNameOf } from "@/lib/tenancy";
import type { UpstreamEcho } from "../testing/fake-upstream";
import { startTestGateway, type TestGateway } from "../testing/harness";
import { seedProject, type SeededProject } from "../testing/seed-project";
import { send } from "../testing/send";

/** Step 6 (proxy): what the upstream receives, asserted at the fake rest (testing/fake-upstream.ts). */
let gw: TestGateway;
let a: SeededProject;
let b: SeededProject;
let tokenA: string;

beforeAll(async () => {
  gw = await startTestGateway({
    env: { FLUX_GATEWAY_FORWARD_HEADERS: "accept,content-type,content-length,prefer,x-client-info" },
  });
  a = await seedProject(gw.seedDb.db, { plan: "pro" });
  b = await seedProject(gw.seedDb.db, { plan: "pro" });
  tokenA = (await signProjectToken({ secret: a.secret, role: "authenticated", sub: "user-1", expiresInSeconds: 300 }))
    .token;
});
afterAll(async () => {
  await gw?.close();
});

async function upstreamSees(headers: Record<string, string>, method = "GET"): Promise<UpstreamEcho> {
  const answer = await send(gw.port, {
    host: a.host,
    method,
    headers: { Authorization: `Bearer ${tokenA}`, ...headers },
  });
  expect(answer.status).toBe(200);
  return answer.json() as UpstreamEcho;
}

describe("attacks through the proxy", () => {
  it("refuses a client Accept-Profile naming another tenant's schema (406 PGRST106) before anything reaches rest", async () => {
    const before = gw.upstream.seen.length;
    const answer = await send(gw.port, {
      host: a.host,
      headers: { Authorization: `Bearer ${tokenA}`, "Accept-Profile": schemaNameOf(b.tenantId) },
    });
    expect(answer.status).toBe(406);
    expect(answer.headers["content-type"]).toBe("application/json; charset=utf-8");
    expect(answer.json()).toEqual({
      code: "PGRST106",
      message: `Invalid schema: ${schemaNameOf(b.tenantId)}`,
      details: null,
      hint: `Only the following schemas are exposed: ${schemaNameOf(a.tenantId)}`,
    });
    expect(gw.upstream.seen.length).toBe(before);
  });

  it("refuses a client Content-Profile naming another tenant's schema on a write (406 PGRST106)", async () => {
    const before = gw.upstream.seen.length;
    const answer = await send(gw.port, {
      host: a.host,
      method: "POST",
      headers: {
        Authorization: `Bearer ${tokenA}`,
        "Content-Profile": schemaNameOf(b.tenantId),
        "Content-Type": "application/json",
      },
      body: "{}",
    });
    expect(answer.status).toBe(406);
    expect(answer.json()).toMatchObject({ code: "PGRST106", message: `Invalid schema: ${schemaNameOf(b.tenantId)}` });
    expect(gw.upstream.seen.length).toBe(before);
  });

  it("refuses a profile naming a cluster schema (public, pg_catalog, flux-system's)", async () => {
    for (const schema of ["public", "pg_catalog", "information_schema"]) {
      const answer = await send(gw.port, {
        host: a.host,
        headers: { Authorization: `Bearer ${tokenA}`, "Accept-Profile": schema },
      });
      expect(answer.status, schema).toBe(406);
    }
  });

  it("passes a profile naming the tenant's own schema, and still sets both headers itself", async () => {
    const echo = await upstreamSees({
      "Accept-Profile": schemaNameOf(a.tenantId),
      "Content-Profile": schemaNameOf(b.tenantId),
    });
    expect(echo.headers["accept-profile"]).toBe(schemaNameOf(a.tenantId));
    expect(echo.headers["content-profile"]).toBe(schemaNameOf(a.tenantId));
    expect(echo.bridge?.tenant_id).toBe(a.tenantId);
  });

  it("does not leak the browser's Cookie upstream", async () => {
    const echo = await upstreamSees({ Cookie: "session=very-secret" });
    expect(echo.rawHeaderNames).not.toContain("cookie");
    expect(JSON.stringify(echo.headers)).not.toContain("very-secret");
  });

  it("does not leak the client's Authorization (the project token) upstream", async () => {
    const echo = await upstreamSees({});
    expect(echo.headers.authorization).not.toContain(tokenA);
    expect(echo.bridge).toMatchObject({ role: roleNameOf(a.tenantId), tenant_id: a.tenantId });
  });

  it("does not leak Proxy-Authorization, X-Api-Key or apikey upstream", async () => {
    const echo = await upstreamSees({ "Proxy-Authorization": "Basic eDp5", "X-Api-Key": "k-123", apikey: "anon-key" });
    for (const name of ["proxy-authorization", "x-api-key", "apikey"]) expect(echo.rawHeaderNames).not.toContain(name);
  });

  it("stops X-Forwarded-For spoofing when the gateway is the edge (FLUX_TRUST_PROXY off)", async () => {
    const echo = await upstreamSees({
      "X-Forwarded-For": "6.6.6.6",
      "X-Forwarded-Proto": "https",
      Forwarded: "for=6.6.6.6",
    });
    expect(echo.headers["x-forwarded-for"]).toBe("127.0.0.1");
    expect(echo.headers["x-forwarded-proto"]).toBe("http");
    expect(echo.rawHeaderNames).not.toContain("forwarded");
  });

  it("forwards exactly the configured allow-list (a listed harmless header passes, an unlisted one does not)", async () => {
    const echo = await upstreamSees({ "X-Client-Info": "postgrest-js/2", Range: "0-9" });
    expect(echo.headers["x-client-info"]).toBe("postgrest-js/2");
    expect(echo.rawHeaderNames).not.toContain("range");
  });

  it("drops hop-by-hop headers the client names in Connection", async () => {
    const echo = await upstreamSees({ Connection: "keep-alive, X-Client-Info", "Keep-Alive": "timeout=999" });
    expect(echo.rawHeaderNames).not.toContain("keep-alive");
  });

  it("refuses a preflight from an origin the project does not list", async () => {
    const strict = await seedProject(gw.seedDb.db, { corsOrigins: ["https://app.example"] });
    const preflight = (origin: string) =>
      send(gw.port, {
        host: strict.host,
        method: "OPTIONS",
        headers: { Origin: origin, "Access-Control-Request-Method": "GET" },
      });
    const allowed = await preflight("https://app.example");
    expect(allowed.status).toBe(204);
    expect(allowed.headers["access-control-allow-origin"]).toBe("https://app.example");
    const refused = await preflight("https://evil.example");
    expect(refused.status).toBe(403);
    expect(refused.json()).toMatchObject({ code: "FLUX-GW-CORS-ORIGIN" });
  });
});
