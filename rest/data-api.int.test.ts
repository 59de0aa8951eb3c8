import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { provisionTestTenant, type TestTenant } from "@/tests/fixtures/tenant";
import { bridgeTokenFor, call, NOTES_SQL, startRest, type RunningRest } from "./testing/harness";

let api: RunningRest;
let tenant: TestTenant;
let token: string;

beforeAll(async () => {
  api = await startRest();
  tenant = await provisionTestTenant();
  await tenant.engine.importSql(tenant.project, {
    name: "notes",
    sql: `${NOTES_SQL}
      insert into notes (id, title, done) values (1, 'alpha', false), (2, 'beta', true), (3, 'gamma', false), (4, 'delta', false);
      create table secrets (id int primary key);
      revoke select on secrets from ${tenant.credentials.role};`,
    actorUserId: null,
  });
  token = await bridgeTokenFor(api.config, tenant);
});

afterAll(async () => {
  await api?.close();
  await tenant?.cleanup();
});

describe("GET /<table>", () => {
  it("returns the selected columns of the filtered, ordered, limited rows with PostgREST's headers", async () => {
    const res = await call(api.baseUrl, "/notes?select=id,title&done=eq.false&order=id.desc&limit=2", {
      token,
      headers: { "x-request-id": "req-abc-123" },
    });
    expect(res.status).toBe(200);
    expect(res.json()).toEqual([
      { id: 4, title: "delta" },
      { id: 3, title: "gamma" },
    ]);
    expect(res.headers.get("content-type")).toBe("application/json; charset=utf-8");
    expect(res.headers.get("content-range")).toBe("0-1/*");
    expect(res.headers.get("x-request-id")).toBe("req-abc-123");
  });

  it("applies offset, in., like and is. filters", async () => {
    const page = await call(api.baseUrl, "/notes?select=id&order=id&offset=1&limit=2", { token });
    expect(page.json()).toEqual([{ id: 2 }, { id: 3 }]);
    expect(page.headers.get("content-range")).toBe("1-2/*");
    expect((await call(api.baseUrl, "/notes?select=id&id=in.(1,3)&order=id", { token })).json()).toEqual([
      { id: 1 },
      { id: 3 },
    ]);
    expect((await call(api.baseUrl, "/notes?select=title&title=like.*lt*", { token })).json()).toEqual([
      { title: "delta" },
    ]);
    expect((await call(api.baseUrl, "/notes?select=id&done=is.true", { token })).json()).toEqual([{ id: 2 }]);
  });

  it("answers an empty page with [] and Content-Range */*", async () => {
    const res = await call(api.baseUrl, "/notes?title=eq.nothing", { token });
    expect(res.status).toBe(200);
    expect(res.text).toBe("[]");
    expect(res.headers.get("content-range")).toBe("*/*");
  });

  it("answers HEAD with the headers only", async () => {
    const res = await call(api.baseUrl, "/notes?limit=3", { token, method: "HEAD" });
    expect(res.status).toBe(200);
    expect(res.text).toBe("");
    expect(res.headers.get("content-range")).toBe("0-2/*");
  });

  it("binds an SQL injection attempt in a filter value as a value", async () => {
    const res = await call(api.baseUrl, `/notes?title=eq.${encodeURIComponent("x'); drop table notes; --")}`, {
      token,
    });
    expect(res.status).toBe(200);
    expect(res.json()).toEqual([]);
    expect((await call(api.baseUrl, "/notes?select=id&limit=1", { token })).status).toBe(200);
  });

  it("answers 404 PGRST205 for an unknown table and 400 42703 for an unknown column", async () => {
    const table = await call(api.baseUrl, "/nope", { token });
    expect(table.status).toBe(404);
    expect(table.json()).toEqual({
      code: "PGRST205",
      message: `Could not find the table '${tenant.credentials.schema}.nope' in the schema cache`,
      details: null,
      hint: null,
    });
    const column = await call(api.baseUrl, "/notes?select=id,nope", { token });
    expect(column.status).toBe(400);
    expect(column.json()).toMatchObject({ code: "42703", message: "column notes.nope does not exist" });
  });

  it("answers 400 PGRST100 for a malformed query string", async () => {
    const res = await call(api.baseUrl, `/notes?order=${encodeURIComponent("id);--")}`, { token });
    expect(res.status).toBe(400);
    expect(res.json()).toMatchObject({ code: "PGRST100" });
  });

  it("maps PostgreSQL errors to PostgREST codes and statuses", async () => {
    const badInput = await call(api.baseUrl, "/notes?id=eq.abc", { token });
    expect(badInput.status).toBe(400);
    expect(badInput.json()).toMatchObject({ code: "22P02" });
    const denied = await call(api.baseUrl, "/secrets", { token });
    expect(denied.status).toBe(403);
    expect(denied.json()).toMatchObject({ code: "42501", message: "permission denied for table secrets" });
  });
});

describe("POST /<table>", () => {
  it("inserts rows and returns them with return=representation, with the JWT claims visible to SQL", async () => {
    const res = await call(api.baseUrl, "/notes?select=id,title,author", {
      token,
      method: "POST",
      headers: { prefer: "return=representation" },
      body: JSON.stringify([
        { id: 10, title: "ten" },
        { id: 11, title: "eleven" },
      ]),
    });
    expect(res.status).toBe(201);
    expect(res.json()).toEqual([
      { id: 10, title: "ten", author: "user-1" },
      { id: 11, title: "eleven", author: "user-1" },
    ]);
  });

  it("answers 201 with an empty body by default and the row is stored", async () => {
    const res = await call(api.baseUrl, "/notes", {
      token,
      method: "POST",
      body: JSON.stringify({ id: 20, title: "twenty" }),
    });
    expect(res.status).toBe(201);
    expect(res.text).toBe("");
    expect((await call(api.baseUrl, "/notes?select=title&id=eq.20", { token })).json()).toEqual([{ title: "twenty" }]);
  });

  it("maps a duplicate key to 409 23505 and a missing NOT NULL value to 400 23502", async () => {
    const duplicate = await call(api.baseUrl, "/notes", {
      token,
      method: "POST",
      body: JSON.stringify({ id: 1, title: "again" }),
    });
    expect(duplicate.status).toBe(409);
    expect(duplicate.json()).toMatchObject({ code: "23505", hint: null });
    const missing = await call(api.baseUrl, "/notes", { token, method: "POST", body: JSON.stringify({ id: 30 }) });
    expect(missing.status).toBe(400);
    expect(missing.json()).toMatchObject({ code: "23502" });
  });

  it("answers 400 PGRST102 for invalid JSON and PGRST204 for an unknown column", async () => {
    const invalid = await call(api.baseUrl, "/notes", { token, method: "POST", body: "{not json" });
    expect(invalid.status).toBe(400);
    expect(invalid.json()).toMatchObject({ code: "PGRST102" });
    const unknown = await call(api.baseUrl, "/notes", {
      token,
      method: "POST",
      body: JSON.stringify({ id: 40, nope: 1 }),
    });
    expect(unknown.status).toBe(400);
    expect(unknown.json()).toMatchObject({ code: "PGRST204" });
  });
});
