import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { quoteIdent } from "@/lib/engines/sql";
import { startConformance, type Conformance } from "./harness";

// Expectations follow PostgREST 12/13: test/spec/Feature/Query/RpcSpec.hs ("expects a single json object",
// "should fail with 404 when no json arg is found with prefer single object", HEAD cases) and its 42703 for
// columns a function result does not have.
let world: Conformance;

beforeAll(async () => {
  world = await startConformance(
    ({ role }) => `
      create table films (id int primary key, title text not null);
      insert into films values (1, 'Alien'), (2, 'Brazil');
      grant select on films to ${quoteIdent(role)};
      create function add_them(a integer, b integer) returns integer language sql immutable as $$ select a + b $$;
      create function ret_setof_integers() returns setof int language sql stable as $$ values (1), (2), (3) $$;
      create function films_as_records() returns setof record language sql stable as $$ select id, title from films $$;
      create function do_nothing() returns void language sql as $$ select $$;
      create function films_since(min_id int) returns setof films language sql stable as $$ select * from films where id >= min_id $$;
      create function singlejsonparam(single_param json) returns json language sql as $$ select single_param $$;
      create function ret_point_overloaded(x int, y int) returns json language sql as $$ select json_build_object('x', x, 'y', y, 'from', 'ints') $$;
      create function ret_point_overloaded(json) returns json language sql as $$ select $1 $$;
    `,
  );
});
afterAll(() => world?.close());

const noSuchColumn = (fn: string, column: string) => ({
  code: "42703",
  message: `column ${fn}.${column} does not exist`,
  details: null,
  hint: null,
});

describe("select, filters and order on results without columns", () => {
  it("refuses a filter on a scalar result with 400 42703 instead of ignoring it", async () => {
    const answer = await world.request("/rpc/add_them?a=1&b=2&x=eq.3");
    expect(answer.status).toBe(400);
    expect(answer.json()).toEqual(noSuchColumn("add_them", "x"));
  });

  it("refuses select= naming a column of a scalar result", async () => {
    const answer = await world.request("/rpc/add_them?select=total", {
      method: "POST",
      body: JSON.stringify({ a: 1, b: 2 }),
    });
    expect(answer.status).toBe(400);
    expect(answer.json()).toEqual(noSuchColumn("add_them", "total"));
  });

  it("refuses order= on a SETOF scalar result", async () => {
    const answer = await world.request("/rpc/ret_setof_integers?order=value.desc");
    expect(answer.status).toBe(400);
    expect(answer.json()).toEqual(noSuchColumn("ret_setof_integers", "value"));
  });

  it("refuses a filter on a bare SETOF record result (its columns are unknown before the call)", async () => {
    const answer = await world.request("/rpc/films_as_records?title=eq.Alien");
    expect(answer.status).toBe(400);
    expect(answer.json()).toEqual(noSuchColumn("films_as_records", "title"));
  });

  it("refuses a filter on a void function", async () => {
    const answer = await world.request("/rpc/do_nothing?x=eq.1", { method: "POST", body: "{}" });
    expect(answer.status).toBe(400);
    expect(answer.json()).toEqual(noSuchColumn("do_nothing", "x"));
  });

  it("still filters a SETOF table result by its columns", async () => {
    const answer = await world.request("/rpc/films_since?min_id=1&title=eq.Brazil&select=id");
    expect(answer.status).toBe(200);
    expect(answer.json()).toEqual([{ id: 2 }]);
  });
});

describe("Prefer: params=single-object", () => {
  it("passes the whole POST body to the function's single json parameter, named or not", async () => {
    const body = { p1: 1, p2: "text", p3: { obj: "text" } };
    const answer = await world.request("/rpc/singlejsonparam", {
      method: "POST",
      body: JSON.stringify(body),
      headers: { prefer: "params=single-object" },
    });
    expect(answer.status).toBe(200);
    expect(answer.headers["content-type"]).toBe("application/json; charset=utf-8");
    expect(answer.json()).toEqual(body);
  });

  it("chooses the json overload over one whose parameter names match the body's keys", async () => {
    const answer = await world.request("/rpc/ret_point_overloaded", {
      method: "POST",
      body: JSON.stringify({ x: 1, y: 2 }),
      headers: { prefer: "params=single-object" },
    });
    expect(answer.json()).toEqual({ x: 1, y: 2 });
    const byName = await world.request("/rpc/ret_point_overloaded", {
      method: "POST",
      body: JSON.stringify({ x: 1, y: 2 }),
    });
    expect(byName.json()).toEqual({ x: 1, y: 2, from: "ints" });
  });

  it("on GET, gives the query-string arguments as one object of strings", async () => {
    const answer = await world.request("/rpc/singlejsonparam?p1=1&p2=text", {
      headers: { prefer: "params=single-object" },
    });
    expect(answer.status).toBe(200);
    expect(answer.json()).toEqual({ p1: "1", p2: "text" });
  });

  it("answers 404 PGRST202 when the function has no single json/jsonb parameter", async () => {
    const answer = await world.request("/rpc/add_them", {
      method: "POST",
      body: "{}",
      headers: { prefer: "params=single-object" },
    });
    expect(answer.status).toBe(404);
    expect(answer.json()).toEqual({
      code: "PGRST202",
      message: `Could not find the function ${world.schema}.add_them in the schema cache`,
      details: `Searched for the function ${world.schema}.add_them with a single json/jsonb parameter, but no matches were found in the schema cache.`,
      hint: null,
    });
  });
});

describe("HEAD on /rpc", () => {
  const sameHeaders = ["content-type", "content-range"] as const;

  it("answers a set-returning function with GET's status and headers and no body", async () => {
    const path = "/rpc/films_since?min_id=1&limit=1";
    const headers = { prefer: "count=exact" };
    const [get, head] = [
      await world.request(path, { headers }),
      await world.request(path, { method: "HEAD", headers }),
    ];
    expect(get.status).toBe(206);
    expect(head.status).toBe(206);
    for (const name of sameHeaders) expect(head.headers[name]).toBe(get.headers[name]);
    expect(head.headers["content-range"]).toBe("0-0/2");
    expect(head.text).toBe("");
  });

  it("answers a scalar function with GET's status and headers and no body", async () => {
    const path = "/rpc/add_them?a=1&b=2";
    const [get, head] = [await world.request(path), await world.request(path, { method: "HEAD" })];
    expect(head.status).toBe(200);
    for (const name of sameHeaders) expect(head.headers[name]).toBe(get.headers[name]);
    expect(head.text).toBe("");
  });
});
