import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { quoteIdent } from "@/lib/engines/sql";
import { startConformance, type Conformance } from "./harness";

// Expectations follow PostgREST 12/13 docs/references/transactions.rst (request.*, response.headers,
// response.status, db-pre-request) and errors.rst (PGRST111, PGRST112).
let world: Conformance;

beforeAll(async () => {
  world = await startConformance(
    ({ role }) => `
      create table notes (id int primary key, owner text not null default auth.uid(), body text not null);
      alter table notes enable row level security;
      create policy own_notes on notes using (owner = auth.uid()) with check (owner = auth.uid());
      grant select, insert on notes to ${quoteIdent(role)};
      insert into notes values (1, 'alice', 'alice note'), (2, 'bob', 'bob note'), (3, 'alice', 'second alice note');
      create function whoami() returns json language sql stable as $$
        select json_build_object('uid', auth.uid(), 'role', auth.role(), 'email', auth.jwt() ->> 'email') $$;
      create function my_notes() returns setof notes language sql stable as $$ select * from notes order by id $$;
      create function request_info() returns json language sql stable as $$
        select json_build_object(
          'method', current_setting('request.method', true),
          'path', current_setting('request.path', true),
          'header', current_setting('request.headers', true)::json ->> 'prefer',
          'authorization', current_setting('request.headers', true)::json ->> 'authorization',
          'sub', current_setting('request.jwt.claims', true)::json ->> 'sub') $$;
      create function created_with_location() returns json language plpgsql as $$
        begin
          perform set_config('response.status', '201', true);
          perform set_config('response.headers', '[{"Location": "/notes?id=eq.9"}, {"Cache-Control": "no-store"}]', true);
          return '{"ok": true}'::json;
        end $$;
      create function bad_headers() returns int language plpgsql as $$
        begin perform set_config('response.headers', '{"not": "an array"}', true); return 1; end $$;
      create function bad_status() returns int language plpgsql as $$
        begin perform set_config('response.status', 'teapot', true); return 1; end $$;
      create function flux_pre_request() returns void language plpgsql as $$
        begin
          if auth.jwt() ->> 'blocked' = 'yes' then
            raise sqlstate 'PT403' using message = 'Blocked by pre-request';
          end if;
          perform set_config('response.headers', '[{"X-Pre-Request": "ran"}]', true);
        end $$;
    `,
  );
});
afterAll(() => world?.close());

describe("request context visible to SQL", () => {
  it("auth.uid(), auth.role() and auth.jwt() read the caller's claims from RPC", async () => {
    const client = await world.client({ sub: "alice", claims: { email: "alice@example.com" } });
    const { data, status } = await client.rpc("whoami");
    expect(status).toBe(200);
    expect(data).toEqual({ uid: "alice", role: "authenticated", email: "alice@example.com" });
  });

  it("RLS policies using auth.uid() filter a SETOF function's rows per caller", async () => {
    const alice = await (await world.client({ sub: "alice" })).rpc("my_notes").select("id");
    const bob = await (await world.client({ sub: "bob" })).rpc("my_notes").select("id");
    expect(alice.data).toEqual([{ id: 1 }, { id: 3 }]);
    expect(bob.data).toEqual([{ id: 2 }]);
  });

  it("request.method, request.path, request.headers and request.jwt.claims are set, without the Authorization header", async () => {
    const answer = await world.request("/rpc/request_info", { headers: { prefer: "tx=commit" }, sub: "carol" });
    expect(answer.status).toBe(200);
    expect(answer.json()).toEqual({
      method: "GET",
      path: "/rpc/request_info",
      header: "tx=commit",
      authorization: null,
      sub: "carol",
    });
  });

  it("a POST call sees request.method POST", async () => {
    const answer = await world.request("/rpc/request_info", { method: "POST", body: "{}" });
    expect(answer.json().method).toBe("POST");
  });
});

describe("response settings from SQL", () => {
  it("response.status and response.headers set by the function shape the reply", async () => {
    const answer = await world.request("/rpc/created_with_location", { method: "POST", body: "{}" });
    expect(answer.status).toBe(201);
    expect(answer.headers.location).toBe("/notes?id=eq.9");
    expect(answer.headers["cache-control"]).toBe("no-store");
    expect(answer.json()).toEqual({ ok: true });
  });

  it("response.headers that is not an array of one-key objects is 500 PGRST111", async () => {
    const answer = await world.request("/rpc/bad_headers", { method: "POST", body: "{}" });
    expect(answer.status).toBe(500);
    expect(answer.json()).toEqual({
      code: "PGRST111",
      message: "response.headers guc must be a JSON array composed of objects with a single key and a string value",
      details: null,
      hint: null,
    });
  });

  it("response.status that is not a status code is 500 PGRST112", async () => {
    const answer = await world.request("/rpc/bad_status", { method: "POST", body: "{}" });
    expect(answer.status).toBe(500);
    expect(answer.json()).toMatchObject({
      code: "PGRST112",
      message: "response.status guc must be a valid status code",
    });
  });
});

describe("the pre-request function (flux_pre_request)", () => {
  it("runs before an RPC call and its response.headers reach the reply", async () => {
    const answer = await world.request("/rpc/whoami");
    expect(answer.status).toBe(200);
    expect(answer.headers["x-pre-request"]).toBe("ran");
  });

  it("refuses an RPC call by raising, before the function runs", async () => {
    const answer = await world.request("/rpc/whoami", { claims: { blocked: "yes" } });
    expect(answer.status).toBe(403);
    expect(answer.json()).toEqual({ code: "PT403", message: "Blocked by pre-request", details: null, hint: null });
  });

  it("refuses a table read too, and its writes never happen", async () => {
    const read = await world.request("/notes?select=id", { claims: { blocked: "yes" }, sub: "alice" });
    expect(read.status).toBe(403);
    const write = await world.request("/notes", {
      method: "POST",
      body: JSON.stringify({ id: 7, body: "x" }),
      claims: { blocked: "yes" },
      sub: "alice",
    });
    expect(write.status).toBe(403);
    expect((await world.request("/notes?id=eq.7", { sub: "alice" })).json()).toEqual([]);
  });

  it("is itself only a function of the tenant's schema: a table request without the header passes", async () => {
    const answer = await world.request("/notes?select=id&order=id", { sub: "alice" });
    expect(answer.status).toBe(200);
    expect(answer.json()).toEqual([{ id: 1 }, { id: 3 }]);
    expect(answer.headers["x-pre-request"]).toBe("ran");
  });
});
