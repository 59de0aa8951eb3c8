import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { quoteIdent } from "@/lib/engines/sql";
import { startConformance, type Conformance } from "./harness";

// Expectations follow PostgREST 12/13: docs/references/api/functions.rst, errors.rst (PGRST101/202/203).
let world: Conformance;

beforeAll(async () => {
  world = await startConformance(
    ({ role }) => `
      create table films (id int primary key, title text not null, year int not null);
      insert into films values (1, 'Alien', 1979), (2, 'Brazil', 1985), (3, 'Clue', 1985), (4, 'Dune', 2021);
      grant select, insert on films to ${quoteIdent(role)};
      create function add_them(a integer, b integer) returns integer language sql immutable as $$ select a + b $$;
      create function films_since(min_year int) returns setof films language sql stable
        as $$ select * from films where year >= min_year order by id $$;
      create function films_upto(id int) returns setof films language sql stable
        as $$ select * from films where films.id <= films_upto.id order by films.id $$;
      create function joined(variadic v text[]) returns text language sql as $$ select array_to_string(v, '+') $$;
      create function film_titles() returns table (title text, year int) language sql stable
        as $$ select title, year from films order by id $$;
      create function first_film() returns films language sql stable as $$ select * from films order by id limit 1 $$;
      create function film_years() returns setof int language sql stable as $$ select distinct year from films order by 1 $$;
      create function do_nothing() returns void language plpgsql as $$ begin end $$;
      create function add_film(id int, title text, year int) returns films language sql
        as $$ insert into films values (id, title, year) returning * $$;
      create function sneaky_write() returns int language plpgsql volatile
        as $$ begin insert into films values (99, 'Sneaky', 2000); return 1; end $$;
      create function mult_them(json) returns int language sql as $$ select ($1->>'x')::int * ($1->>'y')::int $$;
      create function rental(customer_id int) returns text language sql as $$ select 'one' $$;
      create function rental(customer_id int, from_date date) returns text language sql as $$ select 'two' $$;
      create function ambiguous(a int) returns int language sql as $$ select 1 $$;
      create function ambiguous(a text) returns int language sql as $$ select 2 $$;
      create function greet(name text default 'world') returns text language sql as $$ select 'hello ' || name $$;
      create function plus_one(arr int[]) returns int[] language sql as $$ select array_agg(n + 1 order by n) from unnest(arr) n $$;
    `,
  );
});
afterAll(() => world?.close());

describe("calling functions", () => {
  it("POST with named arguments answers a scalar as a bare JSON value", async () => {
    const answer = await world.request("/rpc/add_them", { method: "POST", body: JSON.stringify({ a: 1, b: 2 }) });
    expect(answer.status).toBe(200);
    expect(answer.headers["content-type"]).toBe("application/json; charset=utf-8");
    expect(answer.json()).toBe(3);
    expect(answer.headers["content-range"]).toBe("0-0/*");
  });

  it("count=exact on a scalar function answers Content-Range 0-0/1", async () => {
    const answer = await world.request("/rpc/add_them?a=3&b=4", { headers: { prefer: "count=exact" } });
    expect(answer.status).toBe(200);
    expect(answer.text).toBe("7");
    expect(answer.headers["content-range"]).toBe("0-0/1");
  });

  it("GET takes the arguments from the query string (postgrest-js get: true)", async () => {
    const client = await world.client();
    const { data, status, error } = await client.rpc("add_them", { a: 20, b: 22 }, { get: true });
    expect(error).toBeNull();
    expect(status).toBe(200);
    expect(data).toBe(42);
  });

  it("a SETOF <table> function answers an array of rows with Content-Range", async () => {
    const answer = await world.request("/rpc/films_since?min_year=1985");
    expect(answer.status).toBe(200);
    expect(answer.json()).toEqual([
      { id: 2, title: "Brazil", year: 1985 },
      { id: 3, title: "Clue", year: 1985 },
      { id: 4, title: "Dune", year: 2021 },
    ]);
    expect(answer.headers["content-range"]).toBe("0-2/*");
  });

  it("select, filters and order apply to a set-returning result", async () => {
    const client = await world.client();
    const { data, status } = await client
      .rpc("films_since", { min_year: 1980 })
      .select("title")
      .eq("year", 1985)
      .order("title", { ascending: false });
    expect(status).toBe(200);
    expect(data).toEqual([{ title: "Clue" }, { title: "Brazil" }]);
  });

  it("a GET key that is not a parameter is a filter on the result", async () => {
    const answer = await world.request("/rpc/films_since?min_year=1980&title=eq.Clue&select=id");
    expect(answer.status).toBe(200);
    expect(answer.json()).toEqual([{ id: 3 }]);
  });

  it("one key can be both an argument and a filter (?id=3&id=gt.1)", async () => {
    const answer = await world.request("/rpc/films_upto?id=3&id=gt.1&select=id");
    expect(answer.status).toBe(200);
    expect(answer.json()).toEqual([{ id: 2 }, { id: 3 }]);
  });

  it("a VARIADIC parameter takes a repeated GET key or a JSON array on POST", async () => {
    expect((await world.request("/rpc/joined?v=a&v=b&v=c")).json()).toBe("a+b+c");
    const post = await world.request("/rpc/joined", { method: "POST", body: JSON.stringify({ v: ["x", "y"] }) });
    expect(post.json()).toBe("x+y");
  });

  it("a repeated argument keeps its last value", async () => {
    expect((await world.request("/rpc/greet?name=ignored&name=world")).json()).toBe("hello world");
  });

  it("POST with an array body calls with the first object; ?columns keeps only the named keys", async () => {
    const array = await world.request("/rpc/add_them", {
      method: "POST",
      body: JSON.stringify([
        { a: 1, b: 2 },
        { a: 4, b: 6 },
      ]),
    });
    expect(array.json()).toBe(3);
    const columns = await world.request("/rpc/greet?columns=name", {
      method: "POST",
      body: JSON.stringify({ name: "John", smth: "here" }),
    });
    expect(columns.status).toBe(200);
    expect(columns.json()).toBe("hello John");
  });

  it("POST with filter-less query keys is a filter parse error (400 PGRST100)", async () => {
    const answer = await world.request("/rpc/greet?name=John", {
      method: "POST",
      body: JSON.stringify({ name: "John" }),
    });
    expect(answer.status).toBe(400);
    expect(answer.json().code).toBe("PGRST100");
  });

  it("limit and offset page a set-returning result", async () => {
    const client = await world.client();
    const { data, status } = await client.rpc("films_since", { min_year: 0 }).select("id").range(1, 2);
    expect(status).toBe(200);
    expect(data).toEqual([{ id: 2 }, { id: 3 }]);
    const raw = await world.request("/rpc/films_since?min_year=0&select=id&limit=1&offset=3");
    expect(raw.headers["content-range"]).toBe("3-3/*");
  });

  it("count=exact with head: true answers the count and no body", async () => {
    const client = await world.client();
    const { data, count, status } = await client.rpc("films_since", { min_year: 1985 }, { head: true, count: "exact" });
    expect(status).toBe(200);
    expect(count).toBe(3);
    expect(data).toBeNull();
  });

  it("count=exact on a partial page answers 206 with the total", async () => {
    const answer = await world.request("/rpc/films_since?min_year=0&limit=2", { headers: { prefer: "count=exact" } });
    expect(answer.status).toBe(206);
    expect(answer.headers["content-range"]).toBe("0-1/4");
    expect(answer.json()).toHaveLength(2);
  });

  it("a RETURNS TABLE function answers rows with its own column names", async () => {
    const client = await world.client();
    const { data } = await client.rpc("film_titles").gte("year", 2000);
    expect(data).toEqual([{ title: "Dune", year: 2021 }]);
  });

  it("a function returning one composite row answers one object", async () => {
    const answer = await world.request("/rpc/first_film", { method: "POST", body: "{}" });
    expect(answer.status).toBe(200);
    expect(answer.json()).toEqual({ id: 1, title: "Alien", year: 1979 });
  });

  it("a SETOF scalar function answers an array of values", async () => {
    const answer = await world.request("/rpc/film_years");
    expect(answer.json()).toEqual([1979, 1985, 2021]);
  });

  it("a void function answers 204 without a body or Content-Type", async () => {
    const answer = await world.request("/rpc/do_nothing", { method: "POST", body: "{}" });
    expect(answer.status).toBe(204);
    expect(answer.text).toBe("");
    expect(answer.headers["content-type"]).toBeUndefined();
  });

  it("POST with an empty body calls a function without arguments", async () => {
    const answer = await world.request("/rpc/film_years", { method: "POST", headers: { "content-length": "0" } });
    expect(answer.status).toBe(200);
    expect(answer.json()).toEqual([1979, 1985, 2021]);
  });

  it("a volatile function called with POST writes and its row is visible afterwards", async () => {
    const client = await world.client();
    const { data, status } = await client.rpc("add_film", { id: 5, title: "Eraserhead", year: 1977 });
    expect(status).toBe(200);
    expect(data).toEqual({ id: 5, title: "Eraserhead", year: 1977 });
    const check = await world.request("/films?id=eq.5&select=title");
    expect(check.json()).toEqual([{ title: "Eraserhead" }]);
  });

  it("GET runs read-only: a function that writes is refused with 405 (25006)", async () => {
    const answer = await world.request("/rpc/sneaky_write");
    expect(answer.status).toBe(405);
    expect(answer.json()).toMatchObject({ code: "25006" });
    expect((await world.request("/films?id=eq.99")).json()).toEqual([]);
  });

  it("a single unnamed json parameter receives the whole body", async () => {
    const answer = await world.request("/rpc/mult_them", { method: "POST", body: JSON.stringify({ x: 4, y: 2 }) });
    expect(answer.status).toBe(200);
    expect(answer.json()).toBe(8);
  });

  it("overloads are resolved by the argument names given", async () => {
    expect((await world.request("/rpc/rental?customer_id=1")).json()).toBe("one");
    expect((await world.request("/rpc/rental?customer_id=1&from_date=2018-07-01")).json()).toBe("two");
  });

  it("a parameter with a default may be omitted", async () => {
    expect((await world.request("/rpc/greet")).json()).toBe("hello world");
    expect((await world.request("/rpc/greet?name=ann")).json()).toBe("hello ann");
  });

  it("array parameters take a JSON array on POST and an array literal on GET", async () => {
    const post = await world.request("/rpc/plus_one", { method: "POST", body: JSON.stringify({ arr: [1, 2, 3] }) });
    expect(post.json()).toEqual([2, 3, 4]);
    const get = await world.request(`/rpc/plus_one?arr=${encodeURIComponent("{1,2}")}`);
    expect(get.json()).toEqual([2, 3]);
  });

  it("Accept: application/vnd.pgrst.object+json (single()) answers the one row as an object", async () => {
    const client = await world.client();
    const { data, status } = await client.rpc("films_since", { min_year: 2000 }).single();
    expect(status).toBe(200);
    expect(data).toEqual({ id: 4, title: "Dune", year: 2021 });
  });
});

describe("resolution errors", () => {
  it("an unknown function is 404 PGRST202 with PostgREST's wording and a name suggestion", async () => {
    const answer = await world.request("/rpc/add_thm?a=1");
    expect(answer.status).toBe(404);
    expect(answer.json()).toEqual({
      code: "PGRST202",
      message: `Could not find the function ${world.schema}.add_thm(a) in the schema cache`,
      details: `Searched for the function ${world.schema}.add_thm with parameter a, but no matches were found in the schema cache.`,
      hint: `Perhaps you meant to call the function ${world.schema}.add_them`,
    });
  });

  it("wrong argument names on POST mention the json fallback and suggest the real parameters", async () => {
    const answer = await world.request("/rpc/add_them", { method: "POST", body: JSON.stringify({ x: 2, a: 1 }) });
    expect(answer.status).toBe(404);
    expect(answer.json()).toEqual({
      code: "PGRST202",
      message: `Could not find the function ${world.schema}.add_them(a, x) in the schema cache`,
      details: `Searched for the function ${world.schema}.add_them with parameters a, x or with a single unnamed json/jsonb parameter, but no matches were found in the schema cache.`,
      hint: `Perhaps you meant to call the function ${world.schema}.add_them(a, b)`,
    });
  });

  it("unknown arguments are not ignored: PGRST202 suggests the real parameter list", async () => {
    const answer = await world.request("/rpc/add_them?a=1&b=2&smthelse=blabla");
    expect(answer.status).toBe(404);
    expect(answer.json()).toEqual({
      code: "PGRST202",
      message: `Could not find the function ${world.schema}.add_them(a, b, smthelse) in the schema cache`,
      details: `Searched for the function ${world.schema}.add_them with parameters a, b, smthelse, but no matches were found in the schema cache.`,
      hint: `Perhaps you meant to call the function ${world.schema}.add_them(a, b)`,
    });
  });

  it("an argument name close to none of an overloaded function's parameter lists gets no hint", async () => {
    const answer = await world.request("/rpc/rental?wrong_arg=value");
    expect(answer.status).toBe(404);
    expect(answer.json()).toMatchObject({ code: "PGRST202", hint: null });
  });

  it("a function called without its required arguments says 'without parameters'", async () => {
    const answer = await world.request("/rpc/add_them");
    expect(answer.status).toBe(404);
    expect(answer.json().message).toBe(
      `Could not find the function ${world.schema}.add_them without parameters in the schema cache`,
    );
  });

  it("overloads with the same argument names are 300 PGRST203", async () => {
    const answer = await world.request("/rpc/ambiguous", { method: "POST", body: JSON.stringify({ a: 1 }) });
    expect(answer.status).toBe(300);
    expect(answer.json()).toEqual({
      code: "PGRST203",
      message: `Could not choose the best candidate function between: ${world.schema}.ambiguous(a => integer), ${world.schema}.ambiguous(a => text)`,
      details: null,
      hint: "Try renaming the parameters or the function itself in the database so function overloading can be resolved",
    });
  });

  it("only the tenant's own schema is callable: built-ins and auth.* are not found", async () => {
    for (const name of ["pg_sleep", "version", "auth.uid", "current_setting"]) {
      const answer = await world.request(`/rpc/${name}`, { method: "POST", body: "{}" });
      expect(answer.status).toBe(404);
      expect(answer.json().code).toBe("PGRST202");
    }
  });

  it("verbs other than GET, HEAD and POST are 405 PGRST101", async () => {
    const answer = await world.request("/rpc/add_them", { method: "PATCH", body: "{}" });
    expect(answer.status).toBe(405);
    expect(answer.json().code).toBe("PGRST101");
  });

  it("an unknown column in select on a function result is 400 42703", async () => {
    const answer = await world.request("/rpc/films_since?min_year=0&select=nope");
    expect(answer.status).toBe(400);
    expect(answer.json().code).toBe("42703");
  });
});

describe("functions in the OpenAPI document", () => {
  it("lists each callable function under /rpc/<name> with its named parameters", async () => {
    const answer = await world.request("/", { headers: { accept: "application/openapi+json" } });
    expect(answer.status).toBe(200);
    const paths = answer.json().paths as Record<string, { post?: { parameters?: unknown[] } }>;
    expect(Object.keys(paths)).toEqual(
      expect.arrayContaining(["/rpc/add_them", "/rpc/films_since", "/rpc/film_titles"]),
    );
    expect(JSON.stringify(paths["/rpc/add_them"])).toContain('"a"');
  });
});
