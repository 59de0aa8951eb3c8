import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signProjectToken } from "@/lib/jwt";
import { schemaNameOf } from "@/lib/tenancy";
import { startRest, type RunningRest } from "@/rest/testing/harness";
import type { TestTenant } from "@/tests/fixtures/tenant";
import { startTestGateway, type TestGateway } from "./testing/harness";
import { seedProject, type SeededProject } from "./testing/seed-project";
import { send } from "./testing/send";
import { provisionTenantWithNote } from "./testing/tenant-with-note";

/** The whole request path with the real rest and two real v2_shared tenants behind the gateway. */
let rest: RunningRest;
let gw: TestGateway;
const tenants: TestTenant[] = [];
let a: SeededProject;
let b: SeededProject;

async function tenantWithNote(title: string): Promise<TestTenant> {
  const tenant = await provisionTenantWithNote(title);
  tenants.push(tenant);
  return tenant;
}

beforeAll(async () => {
  rest = await startRest();
  gw = await startTestGateway({ restUrl: rest.baseUrl });
  const tenantA = await tenantWithNote("from A");
  const tenantB = await tenantWithNote("from B");
  a = await seedProject(gw.seedDb.db, { tenantId: tenantA.tenantId });
  b = await seedProject(gw.seedDb.db, { tenantId: tenantB.tenantId });
});
afterAll(async () => {
  await gw?.close();
  await rest?.close();
  for (const tenant of tenants) await tenant.cleanup();
});

const bearer = async (p: SeededProject) =>
  `Bearer ${(await signProjectToken({ secret: p.secret, role: "anon", expiresInSeconds: 60 })).token}`;

describe("gateway → rest → tenant schema", () => {
  it("serves the host project's rows", async () => {
    const answer = await send(gw.port, {
      host: a.host,
      path: "/notes?select=title",
      headers: { Authorization: await bearer(a) },
    });
    expect(answer.status).toBe(200);
    expect(answer.json()).toEqual([{ title: "from A" }]);
  });

  it("refuses a client asking for project B's schema with PostgREST's 406 PGRST106, leaking none of B's rows", async () => {
    const answer = await send(gw.port, {
      host: a.host,
      path: "/notes?select=title",
      headers: { Authorization: await bearer(a), "Accept-Profile": schemaNameOf(b.tenantId) },
    });
    expect(answer.status).toBe(406);
    expect(answer.json()).toEqual({
      code: "PGRST106",
      message: `Invalid schema: ${schemaNameOf(b.tenantId)}`,
      details: null,
      hint: `Only the following schemas are exposed: ${schemaNameOf(a.tenantId)}`,
    });
    expect(answer.body).not.toContain("from B");
  });

  it("serves project A's rows when the client names A's own schema", async () => {
    const answer = await send(gw.port, {
      host: a.host,
      path: "/notes?select=title",
      headers: { Authorization: await bearer(a), "Accept-Profile": schemaNameOf(a.tenantId) },
    });
    expect(answer.status).toBe(200);
    expect(answer.json()).toEqual([{ title: "from A" }]);
  });

  it("rejects project B's token at project A's host before anything reaches rest", async () => {
    const answer = await send(gw.port, { host: a.host, path: "/notes", headers: { Authorization: await bearer(b) } });
    expect(answer.status).toBe(401);
    expect(answer.json()).toMatchObject({ code: "FLUX-GW-AUTH-SIGNATURE" });
  });
});
