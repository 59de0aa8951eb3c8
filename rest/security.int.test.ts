import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { provisionTestTenant, type TestTenant } from "@/tests/fixtures/tenant";
import { bridgeTokenFor, call, NOTES_SQL, startRest, type RunningRest } from "./testing/harness";

let api: RunningRest;
let tenantA: TestTenant;
let tenantB: TestTenant;

async function withNotes(tenant: TestTenant, titles: string[]): Promise<void> {
  const rows = titles.map((title, i) => `(${i + 1}, '${title}')`).join(", ");
  await tenant.engine.importSql(tenant.project, {
    name: "notes",
    sql: `${NOTES_SQL} insert into notes (id, title) values ${rows};`,
    actorUserId: null,
  });
}

beforeAll(async () => {
  api = await startRest();
  [tenantA, tenantB] = await Promise.all([provisionTestTenant(), provisionTestTenant()]);
  await withNotes(tenantA, ["a-one", "a-two"]);
  await tenantA.engine.importSql(tenantA.project, {
    name: "seen",
    sql: `create table seen (
      id int primary key,
      login text default session_user,
      headers text default current_setting('request.headers', true),
      path text default current_setting('request.path', true)
    );`,
    actorUserId: null,
  });
  await withNotes(tenantB, ["b-one"]);
});

afterAll(async () => {
  await api?.close();
  await Promise.all([tenantA?.cleanup(), tenantB?.cleanup()]);
});

const titles = (body: unknown) => (body as Array<{ title: string }>).map((row) => row.title);

describe("tenant isolation", () => {
  it("a bridge token for tenant A only ever sees A's notes, and B's only B's", async () => {
    const a = await call(api.baseUrl, "/notes?select=title&order=id", {
      token: await bridgeTokenFor(api.config, tenantA),
    });
    const b = await call(api.baseUrl, "/notes?select=title&order=id", {
      token: await bridgeTokenFor(api.config, tenantB),
    });
    expect(titles(a.json())).toEqual(["a-one", "a-two"]);
    expect(titles(b.json())).toEqual(["b-one"]);
  });

  it("tenant A's inserts land in A's schema only", async () => {
    const tokenA = await bridgeTokenFor(api.config, tenantA);
    const res = await call(api.baseUrl, "/notes", {
      token: tokenA,
      method: "POST",
      body: JSON.stringify({ id: 9, title: "a-nine" }),
    });
    expect(res.status).toBe(201);
    const b = await call(api.baseUrl, "/notes?select=title&id=eq.9", {
      token: await bridgeTokenFor(api.config, tenantB),
    });
    expect(b.json()).toEqual([]);
  });

  it("cannot name another tenant's schema through the path", async () => {
    const path = `/${encodeURIComponent(`${tenantB.credentials.schema}.notes`)}`;
    const res = await call(api.baseUrl, path, { token: await bridgeTokenFor(api.config, tenantA) });
    expect(res.status).toBe(404);
    expect(res.json()).toMatchObject({ code: "PGRST205" });
  });
});

describe("what SQL sees", () => {
  it("runs on a connection logged in as the tenant's own role, never a shared authenticator", async () => {
    const token = await bridgeTokenFor(api.config, tenantA);
    const res = await call(api.baseUrl, "/seen?select=login,path", {
      token,
      method: "POST",
      headers: { prefer: "return=representation" },
      body: JSON.stringify({ id: 1 }),
    });
    expect(res.json()).toEqual([{ login: tenantA.credentials.role, path: "/seen" }]);
  });

  it("does not expose the bridge token or cookies in request.headers", async () => {
    const token = await bridgeTokenFor(api.config, tenantA);
    const res = await call(api.baseUrl, "/seen?select=headers", {
      token,
      method: "POST",
      headers: { prefer: "return=representation", cookie: "session=secret-cookie", "x-custom": "kept" },
      body: JSON.stringify({ id: 2 }),
    });
    const [row] = res.json() as Array<{ headers: string }>;
    const headers = JSON.parse(row?.headers ?? "{}") as Record<string, string>;
    expect(headers["x-custom"]).toBe("kept");
    expect(headers).not.toHaveProperty("authorization");
    expect(headers).not.toHaveProperty("cookie");
    expect(row?.headers).not.toContain(token);
  });

  it("refuses an Accept-Profile naming another tenant's schema instead of following it", async () => {
    const res = await call(api.baseUrl, "/notes", {
      token: await bridgeTokenFor(api.config, tenantA),
      headers: { "accept-profile": tenantB.credentials.schema },
    });
    expect(res.status).toBe(406);
    expect(res.json()).toMatchObject({ code: "PGRST106" });
  });
});

describe("bridge token checks", () => {
  const refused = async (token: string | undefined) => {
    const res = await call(api.baseUrl, "/notes", token ? { token } : {});
    expect(res.status).toBe(401);
    expect(res.json()).toMatchObject({ code: "PGRST301", details: null, hint: null });
    expect(res.text).not.toContain("a-one");
  };

  it("rejects a request without a bridge token", async () => {
    await refused(undefined);
  });

  it("rejects a forged bridge token signed with the wrong secret", async () => {
    await refused(await bridgeTokenFor(api.config, tenantA, { secret: "not-the-bridge-secret-0123456789abcdef" }));
  });

  it("rejects a bridge token whose role is postgres", async () => {
    await refused(await bridgeTokenFor(api.config, tenantA, { role: "postgres" }));
  });

  it("rejects a bridge token whose role is the tenant's owner role", async () => {
    await refused(await bridgeTokenFor(api.config, tenantA, { role: tenantA.credentials.ownerRole }));
  });

  it("rejects a bridge token pairing tenant A's id with tenant B's role", async () => {
    await refused(await bridgeTokenFor(api.config, tenantA, { role: tenantB.credentials.role }));
  });
});
