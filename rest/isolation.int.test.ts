import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { quoteIdent, quoteLiteral } from "@/lib/engines/sql";
import { provisionTestTenant, withClient, type TestTenant } from "@/tests/fixtures/tenant";
import { bridgeTokenFor, call, startRest, type RunningRest } from "./testing/harness";

// Tenant A writes functions, triggers and views that try to reach tenant B through /rpc. Every attack must
// fail with PostgreSQL's own refusal (mapped to HTTP) and never return B's secret rows.
let api: RunningRest;
let a: TestTenant;
let b: TestTenant;

const SECRET = "b-secret-row";

function attacks(other: { schema: string; role: string; owner: string }): string {
  const schema = quoteLiteral(other.schema);
  const role = quoteLiteral(other.role);
  const owner = quoteLiteral(other.owner);
  const notes = quoteLiteral(`${quoteIdent(other.schema)}.notes`);
  const read = `return (select json_agg(n) from ${quoteIdent(other.schema)}.notes n);`;
  const plpgsql = (name: string, body: string, extra = "") =>
    `create function ${name}() returns json language plpgsql ${extra} as $fn$ begin ${body} end $fn$;`;
  return `
    create table notes (id int primary key, title text not null);
    insert into notes values (1, 'a-row');
    ${plpgsql("via_set_role", `execute format('set local role %I', ${role}); ${read}`)}
    ${plpgsql("via_set_owner_role", `execute format('set local role %I', ${owner}); ${read}`)}
    ${plpgsql("via_set_config_role", `perform set_config('role', ${role}, true); ${read}`)}
    ${plpgsql("via_reset_role", `reset role; ${read}`)}
    ${plpgsql("via_session_authorization", `execute format('set session authorization %I', ${role}); ${read}`)}
    create function via_dynamic_sql() returns json language plpgsql as $fn$
      declare result json;
      begin execute format('select json_agg(n) from %s n', ${notes}) into result; return result; end $fn$;
    ${plpgsql("via_search_path", `perform set_config('search_path', ${schema}, true); return (select json_agg(n) from notes n);`)}
    ${plpgsql("via_security_definer", read, "security definer")}
    ${plpgsql("via_pg_authid", "return (select json_agg(rolpassword) from pg_catalog.pg_authid);")}
    ${plpgsql("via_pg_read_file", "return to_json(pg_catalog.pg_read_file('postgresql.conf'));")}
    ${plpgsql("via_dblink", "return to_json(dblink_connect('dbname=postgres'));")}
    create function sticky_header() returns int language plpgsql as $fn$
      begin perform set_config('response.headers', '[{"X-Sticky": "leaked"}]', false); return 1; end $fn$;
    create function plain() returns int language sql as $fn$ select 1 $fn$;
    create table audit (id int);
    create function leak_to_other() returns trigger language plpgsql as $fn$
      begin execute format('insert into %s (id, title) values (99, ''from-a'')', ${notes}); return new; end $fn$;
    create trigger leak after insert on audit for each row execute function leak_to_other();
    create function via_trigger() returns void language sql as $fn$ insert into audit values (1) $fn$;
  `;
}

beforeAll(async () => {
  api = await startRest();
  [a, b] = await Promise.all([provisionTestTenant(), provisionTestTenant()]);
  await b.engine.importSql(b.project, {
    name: "secrets",
    sql: `create table notes (id int primary key, title text not null); insert into notes values (1, '${SECRET}');`,
    actorUserId: null,
  });
  const other = {
    schema: b.credentials.schema,
    role: b.credentials.role,
    owner: `${b.credentials.role.replace(/_role$/, "_owner")}`,
  };
  await a.engine.importSql(a.project, { name: "attacks", sql: attacks(other), actorUserId: null });
});

afterAll(async () => {
  await api?.close();
  await Promise.all([a?.cleanup(), b?.cleanup()]);
});

async function callAsA(fn: string): Promise<{ status: number; text: string; code: string }> {
  const res = await call(api.baseUrl, `/rpc/${fn}`, {
    token: await bridgeTokenFor(api.config, a),
    method: "POST",
    body: "{}",
  });
  const parsed = res.text ? (JSON.parse(res.text) as { code?: string }) : {};
  return { status: res.status, text: res.text, code: parsed.code ?? "" };
}

async function bStillIntact(): Promise<void> {
  const res = await call(api.baseUrl, "/notes?select=title&order=id", { token: await bridgeTokenFor(api.config, b) });
  expect(res.json()).toEqual([{ title: SECRET }]);
}

describe("isolation through functions a tenant writes", () => {
  it.each([
    ["SET ROLE to the other tenant's API role", "via_set_role"],
    ["SET ROLE to the other tenant's owner role", "via_set_owner_role"],
    ["set_config('role', …) to the other tenant's role", "via_set_config_role"],
    ["SET SESSION AUTHORIZATION as the other tenant's role", "via_session_authorization"],
  ])("refuses %s with 403 42501", async (_attack, fn) => {
    const answer = await callAsA(fn);
    expect(answer.status).toBe(403);
    expect(answer.code).toBe("42501");
    expect(answer.text).not.toContain(SECRET);
  });

  it.each([
    ["RESET ROLE then reading the other schema", "via_reset_role"],
    ["dynamic SQL (EXECUTE format(...)) on the other schema", "via_dynamic_sql"],
    ["a SECURITY DEFINER function created by the tenant's owner", "via_security_definer"],
  ])("refuses %s: permission denied for the other schema (403 42501)", async (_attack, fn) => {
    const answer = await callAsA(fn);
    expect(answer.status).toBe(403);
    expect(answer.code).toBe("42501");
    expect(answer.text).not.toContain(SECRET);
  });

  it("finds nothing when search_path points at the other schema (no USAGE: 404 42P01)", async () => {
    const answer = await callAsA("via_search_path");
    expect(answer.status).toBe(404);
    expect(answer.code).toBe("42P01");
    expect(answer.text).not.toContain(SECRET);
  });

  it("refuses reading pg_authid (password hashes) with 403 42501", async () => {
    const answer = await callAsA("via_pg_authid");
    expect(answer.status).toBe(403);
    expect(answer.code).toBe("42501");
    expect(answer.text).not.toMatch(/SCRAM-SHA-256/);
  });

  it("refuses reading server files with pg_read_file with 403 42501", async () => {
    const answer = await callAsA("via_pg_read_file");
    expect(answer.status).toBe(403);
    expect(answer.code).toBe("42501");
  });

  it("has no dblink-style extension to open a connection elsewhere (42883, none installed)", async () => {
    const answer = await callAsA("via_dblink");
    expect(answer.status).toBe(404);
    expect(answer.code).toBe("42883");
    const installed = await withClient(
      a.credentials.apiDatabaseUrl,
      async (client) =>
        (
          await client.query<{ extname: string }>(
            "select extname from pg_extension where extname in ('dblink', 'postgres_fdw')",
          )
        ).rows,
    );
    expect(installed).toEqual([]);
    const install = "create extension if not exists dblink;";
    await expect(a.engine.importSql(a.project, { name: "dblink", sql: install, actorUserId: null })).rejects.toThrow();
  });

  it("refuses a trigger writing into the other tenant's table, and rolls back the tenant's own insert", async () => {
    const answer = await callAsA("via_trigger");
    expect(answer.status).toBe(403);
    expect(answer.code).toBe("42501");
    await bStillIntact();
    const own = await call(api.baseUrl, "/audit", { token: await bridgeTokenFor(api.config, a) });
    expect(own.json()).toEqual([]);
  });

  it("refuses creating a view over the other tenant's table at push time (42501)", async () => {
    const view = `create view stolen as select * from ${quoteIdent(b.credentials.schema)}.notes;`;
    await expect(a.engine.importSql(a.project, { name: "steal", sql: view, actorUserId: null })).rejects.toMatchObject({
      message: expect.stringMatching(/permission denied/),
    });
  });

  it("a session-level response.headers left on a pooled connection does not reach later requests", async () => {
    const token = await bridgeTokenFor(api.config, a);
    const first = await call(api.baseUrl, "/rpc/sticky_header", { token, method: "POST", body: "{}" });
    expect(first.headers.get("x-sticky")).toBe("leaked");
    for (let i = 0; i < 6; i++) {
      const later = await call(api.baseUrl, "/rpc/plain", { token, method: "POST", body: "{}" });
      expect(later.status).toBe(200);
      expect(later.headers.get("x-sticky")).toBeNull();
    }
  });

  it("cannot call the other tenant's functions by naming its schema in the path", async () => {
    const path = `/rpc/${encodeURIComponent(`${b.credentials.schema}.notes`)}`;
    const res = await call(api.baseUrl, path, {
      token: await bridgeTokenFor(api.config, a),
      method: "POST",
      body: "{}",
    });
    expect(res.status).toBe(404);
    expect(res.json()).toMatchObject({ code: "PGRST202" });
    await bStillIntact();
  });
});
