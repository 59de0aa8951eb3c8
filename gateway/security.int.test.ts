import { SignJWT } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signProjectToken } from "@/lib/jwt";
import { roleNameOf, schemaNameOf } from "@/lib/tenancy";
import type { UpstreamEcho } from "./testing/fake-upstream";
import { startTestGateway, type TestGateway } from "./testing/harness";
import { seedProject, type SeededProject } from "./testing/seed-project";
import { send } from "./testing/send";

let gw: TestGateway;
let projectA: SeededProject;
let projectB: SeededProject;

beforeAll(async () => {
  gw = await startTestGateway();
  projectA = await seedProject(gw.seedDb.db, { plan: "pro" });
  projectB = await seedProject(gw.seedDb.db, { plan: "pro" });
});
afterAll(async () => {
  await gw?.close();
});

const token = async (project: SeededProject, role = "authenticated", expiresInSeconds = 300) =>
  (await signProjectToken({ secret: project.secret, role, sub: "user-1", expiresInSeconds })).token;

async function call(project: SeededProject, headers: Record<string, string>, path = "/todos") {
  return send(gw.port, { host: project.host, path, headers });
}

function expectRefusal(answer: Awaited<ReturnType<typeof send>>, status: number, code: string) {
  expect(answer.status).toBe(status);
  expect(answer.headers["content-type"]).toMatch(/^application\/json/);
  expect(answer.json()).toMatchObject({ code, message: expect.any(String), details: null, hint: expect.any(String) });
}

describe("gateway authentication (security)", () => {
  it("forwards a valid request with a verified bridge token", async () => {
    const answer = await call(projectA, { Authorization: `Bearer ${await token(projectA)}` });
    expect(answer.status).toBe(200);
    expect((answer.json() as UpstreamEcho).bridge?.tenant_id).toBe(projectA.tenantId);
  });

  it("rejects a request without a token with 401", async () => {
    expectRefusal(await call(projectA, {}), 401, "FLUX-GW-AUTH-MISSING");
  });

  it("rejects a token signed with another project's secret", async () => {
    expectRefusal(
      await call(projectA, { Authorization: `Bearer ${await token(projectB)}` }),
      401,
      "FLUX-GW-AUTH-SIGNATURE",
    );
  });

  it("rejects project A's valid token sent to project B's host", async () => {
    const answer = await send(gw.port, {
      host: projectB.host,
      headers: { Authorization: `Bearer ${await token(projectA)}` },
    });
    expectRefusal(answer, 401, "FLUX-GW-AUTH-SIGNATURE");
  });

  it("rejects an unsigned alg=none token", async () => {
    const part = (value: object) => Buffer.from(JSON.stringify(value)).toString("base64url");
    const none = `${part({ alg: "none", typ: "JWT" })}.${part({ role: "authenticated", exp: Math.floor(Date.now() / 1000) + 60 })}.`;
    expectRefusal(await call(projectA, { Authorization: `Bearer ${none}` }), 401, "FLUX-GW-AUTH-ALG");
  });

  it("rejects an expired token", async () => {
    expectRefusal(
      await call(projectA, { Authorization: `Bearer ${await token(projectA, "authenticated", -120)}` }),
      401,
      "FLUX-GW-AUTH-EXPIRED",
    );
  });

  it("rejects a token without exp", async () => {
    const noExp = await new SignJWT({ role: "authenticated" })
      .setProtectedHeader({ alg: "HS256" })
      .sign(new TextEncoder().encode(projectA.secret));
    expectRefusal(await call(projectA, { Authorization: `Bearer ${noExp}` }), 401, "FLUX-GW-AUTH-EXP-MISSING");
  });

  it("rejects a role claim of postgres as forbidden", async () => {
    expectRefusal(
      await call(projectA, { Authorization: `Bearer ${await token(projectA, "postgres")}` }),
      401,
      "FLUX-GW-ROLE-FORBIDDEN",
    );
  });
});

describe("what reaches rest (security)", () => {
  async function forwarded(headers: Record<string, string> = {}): Promise<UpstreamEcho> {
    const answer = await call(projectA, { Authorization: `Bearer ${await token(projectA, "anon")}`, ...headers });
    expect(answer.status).toBe(200);
    return answer.json() as UpstreamEcho;
  }

  it("does not forward Cookie or the client's Authorization upstream", async () => {
    const clientToken = await token(projectA, "anon");
    const echo = await forwarded({
      Authorization: `Bearer ${clientToken}`,
      Cookie: "session=very-secret",
      "Proxy-Authorization": "Basic eDp5",
    });
    expect(echo.rawHeaderNames).not.toContain("cookie");
    expect(echo.rawHeaderNames).not.toContain("proxy-authorization");
    expect(echo.headers.authorization).not.toContain(clientToken);
    expect(echo.bridgeError).toBeNull();
  });

  it("overwrites a Content-Profile naming another tenant's schema on a read (PostgREST ignores it there)", async () => {
    const other = schemaNameOf(projectB.tenantId);
    const echo = await forwarded({ "Accept-Profile": schemaNameOf(projectA.tenantId), "Content-Profile": other });
    expect(echo.headers["accept-profile"]).toBe(schemaNameOf(projectA.tenantId));
    expect(echo.headers["content-profile"]).toBe(schemaNameOf(projectA.tenantId));
  });

  it("puts the host project's tenant role in the bridge token, never the client's role claim", async () => {
    const echo = await forwarded();
    expect(echo.bridge).toMatchObject({
      role: roleNameOf(projectA.tenantId),
      tenant_id: projectA.tenantId,
      claims: { role: "anon", sub: "user-1" },
    });
  });

  it("never returns the bridge token in response headers, nor rest's own request id", async () => {
    const answer = await call(projectA, { Authorization: `Bearer ${await token(projectA)}` });
    const bridgeToken = String((answer.json() as UpstreamEcho).headers.authorization).replace(/^Bearer /, "");
    expect(JSON.stringify(answer.headers)).not.toContain(bridgeToken);
    expect(answer.headers["x-request-id"]).not.toBe("upstream-made-this-up");
  });
});
