import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { quoteIdent } from "@/lib/engines/sql";
import { startConformance, type Conformance } from "./harness";

// Two projects on the same tenant cluster, each behind its own gateway + rest. Every attempt below is made with
// a real project token through the gateway, as an attacker holding tenant A's credentials would.
const fixture = (marker: string) => (names: { role: string; schema: string }) => `
  create table films (id int primary key, title text not null);
  insert into films values (1, '${marker} film');
  create table ${marker}_only (id int primary key);
  create view whoami as
    select current_user::text as role,
           current_setting('request.jwt.claims', true)::json ->> 'sub' as sub,
           current_setting('search_path') as search_path;
  grant select, insert on films to ${quoteIdent(names.role)};
  grant select on ${marker}_only, whoami to ${quoteIdent(names.role)};`;

let a: Conformance;
let b: Conformance;

beforeAll(async () => {
  [a, b] = await Promise.all([startConformance(fixture("alpha")), startConformance(fixture("beta"))]);
}, 60_000);
afterAll(async () => {
  await Promise.all([a?.close(), b?.close()]);
});

const JSON_TYPE = "application/json; charset=utf-8";

describe("each project sees only its own schema", () => {
  it("reads its own rows on its own host", async () => {
    const res = await a.request("/films?select=title");
    expect(res.status).toBe(200);
    expect(res.json()).toEqual([{ title: "alpha film" }]);
  });

  it("runs as its own role with its own schema as search_path and its own claims", async () => {
    const res = await a.request("/whoami", { sub: "user-a" });
    expect(res.json()).toEqual([{ role: a.tenant.credentials.role, sub: "user-a", search_path: quoteIdent(a.schema) }]);
  });

  // PostgREST answers a profile naming a schema it does not expose with 406 PGRST106 (docs: schemas.rst,
  // "Invalid schema"); a Service URL exposes exactly one schema, the tenant's.
  it("refuses Accept-Profile naming another tenant's schema as PostgREST refuses an unexposed schema", async () => {
    const res = await a.request("/films?select=title", { headers: { "accept-profile": b.schema } });
    expect(res.status).toBe(406);
    expect(res.headers["content-type"]).toBe(JSON_TYPE);
    expect(res.json()).toEqual({
      code: "PGRST106",
      message: `Invalid schema: ${b.schema}`,
      details: null,
      hint: `Only the following schemas are exposed: ${a.schema}`,
    });
  });

  it("refuses Content-Profile naming another tenant's schema on a write, and writes nothing anywhere", async () => {
    const res = await a.request("/films", {
      method: "POST",
      body: JSON.stringify({ id: 2, title: "planted" }),
      headers: { "content-profile": b.schema, prefer: "return=minimal" },
    });
    expect(res.status).toBe(406);
    expect(res.json()).toMatchObject({ code: "PGRST106", message: `Invalid schema: ${b.schema}` });
    expect((await b.request("/films?select=title")).json()).toEqual([{ title: "beta film" }]);
    expect((await a.request("/films?select=title&id=eq.2")).json()).toEqual([]);
  });

  it("accepts a profile naming the project's own schema", async () => {
    const read = await a.request("/films?select=title", { headers: { "accept-profile": a.schema } });
    expect(read.status).toBe(200);
    expect(read.json()).toEqual([{ title: "alpha film" }]);
    const write = await a.request("/films", {
      method: "POST",
      body: JSON.stringify({ id: 40, title: "own schema" }),
      headers: { "content-profile": a.schema, prefer: "return=minimal" },
    });
    expect(write.status).toBe(201);
  });

  it("treats a schema-qualified path to another tenant as an unknown table of its own schema (404 PGRST205)", async () => {
    const res = await a.request(`/${b.schema}.films`);
    expect(res.status).toBe(404);
    expect(res.headers["content-type"]).toBe(JSON_TYPE);
    expect(res.json()).toMatchObject({
      code: "PGRST205",
      message: `Could not find the table '${a.schema}.${b.schema}.films' in the schema cache`,
    });
  });

  it("answers another tenant's table name exactly like a table that exists nowhere (no existence oracle)", async () => {
    const theirs = await a.request("/beta_only");
    const nowhere = await a.request("/gamma_only");
    expect(theirs.status).toBe(404);
    expect(nowhere.status).toBe(404);
    expect(theirs.json().message.replace("beta", "gamma")).toBe(nowhere.json().message);
  });

  it("lists only its own tables in the OpenAPI document", async () => {
    const doc = (await a.request("/")).json();
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(["/films", "/alpha_only", "/whoami"]));
    expect(Object.keys(doc.paths)).not.toContain("/beta_only");
    expect(JSON.stringify(doc)).not.toContain(b.schema);
  });

  it("ignores tenant-looking claims in the token: the role and schema come from the project", async () => {
    const res = await a.request("/whoami", {
      claims: { tenant_id: b.tenant.tenantId, schema: b.schema, search_path: b.schema },
    });
    expect(res.status).toBe(200);
    expect(res.json()).toMatchObject([{ role: a.tenant.credentials.role, search_path: quoteIdent(a.schema) }]);
  });
});

describe("one project's token on another project's host", () => {
  it("is refused before reaching rest (401), on reads", async () => {
    const res = await b.request("/films", { headers: { authorization: `Bearer ${await a.token()}` } });
    expect(res.status).toBe(401);
    expect(res.text).not.toContain("beta film");
  });

  it("is refused on writes and nothing is written", async () => {
    const res = await b.request("/films", {
      method: "POST",
      body: JSON.stringify({ id: 3, title: "from alpha" }),
      headers: { authorization: `Bearer ${await a.token()}` },
    });
    expect(res.status).toBe(401);
    expect((await b.request("/films?select=title&id=eq.3")).json()).toEqual([]);
  });

  it("is refused for the OpenAPI document too", async () => {
    const res = await b.request("/", { headers: { authorization: `Bearer ${await a.token()}` } });
    expect(res.status).toBe(401);
    expect(res.text).not.toContain("beta_only");
  });
});

describe("users of one project under concurrency", () => {
  it("never sees another user's claims when requests interleave", async () => {
    const subs = ["user-1", "user-2", "user-3"];
    const answers = await Promise.all(
      Array.from({ length: 30 }, (_, i) => subs[i % subs.length] ?? "user-1").map(async (sub) => ({
        sub,
        res: await a.request("/whoami", { sub }),
      })),
    );
    for (const { res } of answers) expect(res.status, res.text).toBe(200);
    for (const { sub, res } of answers)
      expect(res.json()).toEqual([{ role: a.tenant.credentials.role, sub, search_path: quoteIdent(a.schema) }]);
  });

  it("never mixes tenants when both projects are served at once", async () => {
    const answers = await Promise.all(
      Array.from({ length: 20 }, (_, i) => (i % 2 === 0 ? a : b)).map(async (world) => ({
        world,
        res: await world.request("/whoami"),
      })),
    );
    for (const { res } of answers) expect(res.status, res.text).toBe(200);
    for (const { world, res } of answers)
      expect(res.json()[0]).toMatchObject({
        role: world.tenant.credentials.role,
        search_path: quoteIdent(world.schema),
      });
  });
});
