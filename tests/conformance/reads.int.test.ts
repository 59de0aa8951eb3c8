import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { quoteIdent } from "@/lib/engines/sql";
import { startConformance, type Conformance } from "./harness";

/**
 * Reads as PostgREST 12/13 answers them (docs/references/api/tables_views.rst, pagination_count.rst,
 * errors.rst and RangeQuery.hs): bodies, statuses, Content-Range, Preference-Applied.
 */
let world: Conformance;

beforeAll(async () => {
  world = await startConformance(
    ({ role }) => `create table films (
        id int primary key, title text not null, year int, rating numeric, tags text[], meta jsonb,
        during int4range, doc tsvector);
      insert into films values
        (1, 'Alien', 1979, 8.5, '{scifi,horror}', '{"lang":"en","cast":{"lead":"Weaver"}}', '[1979,1980)', to_tsvector('english', 'The alien crew fights a creature')),
        (2, 'Brazil', 1985, 7.9, '{comedy,scifi}', '{"lang":"en","cast":{"lead":"Pryce"}}', '[1985,1986)', to_tsvector('english', 'A bureaucrat dreams of flying')),
        (3, 'Amélie', 2001, 8.3, '{comedy,romance}', '{"lang":"fr","cast":{"lead":"Tautou"}}', '[2001,2002)', to_tsvector('english', 'A shy waitress changes lives')),
        (4, 'Heat', 1995, null, '{crime}', null, '[1995,1996)', to_tsvector('english', 'Cops and robbers')),
        (5, 'Say, "Hi" (again)', 2010, 6.0, '{}', '{"lang":"en"}', '[2010,2011)', to_tsvector('english', 'quoted title'));
      analyze films;
      grant select on films to ${quoteIdent(role)};`,
  );
});
afterAll(() => world?.close());

const ids = (data: unknown) => (data as Array<{ id: number }>).map((row) => row.id);
const films = async () => (await world.client()).from("films");

describe("postgrest-js filters", () => {
  it.each([
    ["eq", (q: any) => q.eq("id", 1), [1]],
    ["neq", (q: any) => q.neq("id", 1), [2, 3, 4, 5]],
    ["gt", (q: any) => q.gt("year", 1995), [3, 5]],
    ["gte", (q: any) => q.gte("year", 1995), [3, 4, 5]],
    ["lt", (q: any) => q.lt("rating", 8), [2, 5]],
    ["lte", (q: any) => q.lte("rating", 8.3), [2, 3, 5]],
    ["in", (q: any) => q.in("id", [1, 3]), [1, 3]],
    ["in with commas and parens in a (quoted) value", (q: any) => q.in("title", ["Heat", "A, (b)"]), [4]],
    ["is null", (q: any) => q.is("rating", null), [4]],
    ["not is null", (q: any) => q.not("rating", "is", null), [1, 2, 3, 5]],
    ["like with * as wildcard", (q: any) => q.like("title", "A*"), [1, 3]],
    ["like with % inside", (q: any) => q.like("title", "%a%"), [2, 4, 5]],
    ["ilike", (q: any) => q.ilike("title", "*BRAZ*"), [2]],
    ["or", (q: any) => q.or("id.eq.1,id.eq.2"), [1, 2]],
    ["or with a nested and", (q: any) => q.or("year.lt.1980,and(year.gt.2000,rating.gte.8)"), [1, 3]],
    [
      "or with a quoted value holding commas and parens",
      (q: any) => q.or('title.eq."Say, \\"Hi\\" (again)",id.eq.1'),
      [1, 5],
    ],
    ["not in", (q: any) => q.not("id", "in", "(1,2,3)"), [4, 5]],
    ["match operator", (q: any) => q.filter("title", "match", "^A"), [1, 3]],
    ["imatch operator", (q: any) => q.filter("title", "imatch", "^a"), [1, 3]],
    ["match() object", (q: any) => q.match({ year: 1985, title: "Brazil" }), [2]],
    ["contains (array)", (q: any) => q.contains("tags", ["scifi"]), [1, 2]],
    ["containedBy (array)", (q: any) => q.containedBy("tags", ["comedy", "scifi", "romance"]), [2, 3, 5]],
    ["overlaps (array)", (q: any) => q.overlaps("tags", ["crime", "romance"]), [3, 4]],
    ["contains (jsonb)", (q: any) => q.contains("meta", { lang: "fr" }), [3]],
    ["rangeGt (sr)", (q: any) => q.rangeGt("during", "[1990,1991)"), [3, 4, 5]],
    ["rangeLt (sl)", (q: any) => q.rangeLt("during", "[1990,1991)"), [1, 2]],
    ["rangeGte (nxl)", (q: any) => q.rangeGte("during", "[1995,1996)"), [3, 4, 5]],
    ["rangeLte (nxr)", (q: any) => q.rangeLte("during", "[1990,1991)"), [1, 2]],
    ["rangeAdjacent (adj)", (q: any) => q.rangeAdjacent("during", "[1980,1985)"), [1, 2]],
    ["textSearch (fts)", (q: any) => q.textSearch("doc", "alien"), [1]],
    ["textSearch with a config", (q: any) => q.textSearch("doc", "'shy' & 'waitress'", { config: "english" }), [3]],
    ["textSearch plain (plfts)", (q: any) => q.textSearch("doc", "shy waitress", { type: "plain" }), [3]],
    ["textSearch phrase (phfts)", (q: any) => q.textSearch("doc", "shy waitress", { type: "phrase" }), [3]],
    ["textSearch websearch (wfts)", (q: any) => q.textSearch("doc", "cops or alien", { type: "websearch" }), [1, 4]],
    ["textSearch on a text column (to_tsvector)", (q: any) => q.textSearch("title", "brazil"), [2]],
    [
      "textSearch on a text column with a config",
      (q: any) => q.textSearch("title", "heat", { config: "english", type: "plain" }),
      [4],
    ],
    ["eq(any)", (q: any) => q.filter("year", "eq(any)", "{1979,1985}"), [1, 2]],
    ["like(all)", (q: any) => q.filter("title", "like(all)", "{A*,*n}"), [1]],
    ["likeAnyOf", (q: any) => q.likeAnyOf("title", ["B*", "H*"]), [2, 4]],
    ["ilikeAllOf", (q: any) => q.ilikeAllOf("title", ["a*", "*E"]), [3]],
    ["gt(any)", (q: any) => q.filter("rating", "gt(any)", "{8.4,9}"), [1]],
    ["not.lt(all)", (q: any) => q.not("year", "lt(all)", "{1990,2000}"), [3, 4, 5]],
    ["isdistinct keeps NULLs", (q: any) => q.filter("rating", "isdistinct", "8.5"), [2, 3, 4, 5]],
    ["JSON path filter", (q: any) => q.eq("meta->>lang", "fr"), [3]],
    ["nested JSON path filter", (q: any) => q.eq("meta->cast->>lead", "Pryce"), [2]],
  ])("%s", async (_name, apply, expected) => {
    const { data, error, status } = await apply((await films()).select("id")).order("id");
    expect(error).toBeNull();
    expect(status).toBe(200);
    expect(ids(data)).toEqual(expected);
  });
});

describe("postgrest-js select, order and pages", () => {
  it("renames with an alias and follows a JSON path to text", async () => {
    const { data, status } = await (await films()).select("id,lead:meta->cast->>lead").eq("id", 1);
    expect(status).toBe(200);
    expect(data).toEqual([{ id: 1, lead: "Weaver" }]);
  });

  it("names an unaliased JSON path after its last key and keeps JSON values", async () => {
    const { data } = await (await films()).select("meta->lang,meta->cast").eq("id", 2);
    expect(data).toEqual([{ lang: "en", cast: { lead: "Pryce" } }]);
  });

  it("casts a column", async () => {
    const { data } = await (await films()).select("year::text,rating::int").eq("id", 1);
    expect(data).toEqual([{ year: "1979", rating: 9 }]);
  });

  it("orders descending", async () => {
    const { data } = await (await films()).select("id").order("year", { ascending: false });
    expect(ids(data)).toEqual([5, 3, 4, 2, 1]);
  });

  it("orders with nullsFirst", async () => {
    const { data } = await (await films()).select("id").order("rating", { ascending: false, nullsFirst: true });
    expect(ids(data)).toEqual([4, 1, 3, 2, 5]);
  });

  it("orders with nulls last", async () => {
    const { data } = await (await films()).select("id").order("rating", { ascending: true, nullsFirst: false });
    expect(ids(data)).toEqual([5, 2, 3, 1, 4]);
  });

  it("orders by a JSON path", async () => {
    const { data } = await (await films()).select("id").not("meta", "is", null).order("meta->cast->>lead");
    expect(ids(data)).toEqual([2, 3, 1, 5]);
  });

  it("limits", async () => {
    const { data, status } = await (await films()).select("id").order("id").limit(2);
    expect(status).toBe(200);
    expect(ids(data)).toEqual([1, 2]);
  });

  it("pages with range()", async () => {
    const { data } = await (await films()).select("id").order("id").range(1, 2);
    expect(ids(data)).toEqual([2, 3]);
  });

  it("answers 206 with an exact count for a partial page", async () => {
    const { data, count, status } = await (await films()).select("id", { count: "exact" }).order("id").limit(2);
    expect(status).toBe(206);
    expect(count).toBe(5);
    expect(ids(data)).toEqual([1, 2]);
  });

  it("answers 200 with an exact count for the whole table", async () => {
    const { count, status } = await (await films()).select("id", { count: "exact" });
    expect(status).toBe(200);
    expect(count).toBe(5);
  });

  it("counts the filtered rows, not the table", async () => {
    const { count, status } = await (await films()).select("id", { count: "exact" }).gt("year", 1990);
    expect(status).toBe(200);
    expect(count).toBe(3);
  });

  it("gives the planner's estimate for count: planned", async () => {
    const { count, status } = await (await films()).select("id", { count: "planned" });
    expect(status).toBe(200);
    expect(count).toBe(5);
  });

  it("gives the exact count for count: estimated below max rows", async () => {
    const { count, status } = await (await films()).select("id", { count: "estimated" }).lt("id", 3);
    expect(status).toBe(200);
    expect(count).toBe(2);
  });

  it("counts without rows with head: true", async () => {
    const { data, count, status } = await (await films()).select("*", { count: "exact", head: true });
    expect(status).toBe(200);
    expect(count).toBe(5);
    expect(data).toBeNull();
  });

  it("returns one object with single()", async () => {
    const { data, status } = await (await films()).select("id,title").eq("id", 2).single();
    expect(status).toBe(200);
    expect(data).toEqual({ id: 2, title: "Brazil" });
  });

  it("answers 406 PGRST116 for single() on many rows", async () => {
    const { error, status } = await (await films()).select("id").single();
    expect(status).toBe(406);
    expect(error).toMatchObject({ code: "PGRST116", details: "The result contains 5 rows" });
  });

  it("returns null with maybeSingle() on no rows", async () => {
    const { data, error } = await (await films()).select("id").eq("id", 99).maybeSingle();
    expect(error).toBeNull();
    expect(data).toBeNull();
  });
});

describe("raw HTTP: ranges, counts and headers", () => {
  it("sends Content-Range first-last/* on a plain read", async () => {
    const answer = await world.request("/films?select=id&order=id");
    expect(answer.status).toBe(200);
    expect(answer.headers["content-range"]).toBe("0-4/*");
    expect(answer.headers["preference-applied"]).toBeUndefined();
  });

  it("honours a Range header without a count with 200", async () => {
    const answer = await world.request("/films?select=id&order=id", {
      headers: { Range: "0-1", "Range-Unit": "items" },
    });
    expect(answer.status).toBe(200);
    expect(answer.json()).toEqual([{ id: 1 }, { id: 2 }]);
    expect(answer.headers["content-range"]).toBe("0-1/*");
  });

  it("answers 206 for a Range with count=exact and says the preference was applied", async () => {
    const answer = await world.request("/films?select=id&order=id", {
      headers: { Range: "0-1", Prefer: "count=exact" },
    });
    expect(answer.status).toBe(206);
    expect(answer.headers["content-range"]).toBe("0-1/5");
    expect(answer.headers["preference-applied"]).toBe("count=exact");
  });

  it("reads an open-ended Range", async () => {
    const answer = await world.request("/films?select=id&order=id", { headers: { Range: "3-" } });
    expect(answer.status).toBe(200);
    expect(answer.json()).toEqual([{ id: 4 }, { id: 5 }]);
    expect(answer.headers["content-range"]).toBe("3-4/*");
  });

  it("intersects the Range header with limit and offset", async () => {
    const answer = await world.request("/films?select=id&order=id&offset=1&limit=3", { headers: { Range: "0-1" } });
    expect(answer.json()).toEqual([{ id: 2 }]);
    expect(answer.headers["content-range"]).toBe("1-1/*");
  });

  it("answers 416 PGRST103 for a Range whose end is before its start", async () => {
    const answer = await world.request("/films", { headers: { Range: "2-1" } });
    expect(answer.status).toBe(416);
    expect(answer.json()).toEqual({
      code: "PGRST103",
      message: "Requested range not satisfiable",
      details: "The lower boundary must be lower than or equal to the upper boundary in the Range header.",
      hint: null,
    });
  });

  it("answers 416 PGRST103 for a negative limit", async () => {
    const answer = await world.request("/films?limit=-1");
    expect(answer.status).toBe(416);
    expect(answer.json()).toMatchObject({
      code: "PGRST103",
      details: "Limit should be greater than or equal to zero.",
    });
  });

  it("answers 416 with */total when a counted offset is past the end", async () => {
    const answer = await world.request("/films?offset=10", { headers: { Prefer: "count=exact" } });
    expect(answer.status).toBe(416);
    expect(answer.headers["content-range"]).toBe("*/5");
    expect(answer.json()).toEqual({
      code: "PGRST103",
      message: "Requested range not satisfiable",
      details: "An offset of 10 was requested, but there are only 5 rows.",
      hint: null,
    });
  });

  it("answers 200 [] with */* for an offset past the end without a count", async () => {
    const answer = await world.request("/films?offset=10");
    expect(answer.status).toBe(200);
    expect(answer.json()).toEqual([]);
    expect(answer.headers["content-range"]).toBe("*/*");
  });

  it("answers */0 for an empty counted result", async () => {
    const answer = await world.request("/films?id=eq.99", { headers: { Prefer: "count=exact" } });
    expect(answer.status).toBe(200);
    expect(answer.json()).toEqual([]);
    expect(answer.headers["content-range"]).toBe("*/0");
  });

  it("answers limit=0 with an empty page and the count", async () => {
    const answer = await world.request("/films?limit=0", { headers: { Prefer: "count=exact" } });
    expect(answer.status).toBe(206);
    expect(answer.json()).toEqual([]);
    expect(answer.headers["content-range"]).toBe("*/5");
  });

  it("answers HEAD with the GET headers and no body", async () => {
    const answer = await world.request("/films?select=id", { method: "HEAD", headers: { Prefer: "count=exact" } });
    expect(answer.status).toBe(200);
    expect(answer.text).toBe("");
    expect(answer.headers["content-range"]).toBe("0-4/5");
    expect(answer.headers["preference-applied"]).toBe("count=exact");
  });

  it("applies not.or from the query string", async () => {
    const answer = await world.request("/films?select=id&order=id&not.or=(id.eq.1,id.eq.2)");
    expect(answer.json()).toEqual([{ id: 3 }, { id: 4 }, { id: 5 }]);
  });

  it("nests and inside or inside not.and", async () => {
    const answer = await world.request(
      "/films?select=id&order=id&not.and=(year.gt.1980,or(rating.is.null,and(id.gt.2,id.lt.4)))",
    );
    expect(answer.json()).toEqual([{ id: 1 }, { id: 2 }, { id: 5 }]);
  });

  it("binds a value that looks like SQL", async () => {
    const answer = await world.request(`/films?select=id&title=eq.${encodeURIComponent("x' or '1'='1")}`);
    expect(answer.status).toBe(200);
    expect(answer.json()).toEqual([]);
  });

  it("refuses a filter on a resource that is not embedded with PGRST108, as PostgREST", async () => {
    const answer = await world.request("/films?director.name=eq.x");
    expect(answer.status).toBe(400);
    expect(answer.json()).toEqual({
      code: "PGRST108",
      message: "'director' is not an embedded resource in this request",
      details: null,
      hint: "Verify that 'director' is included in the 'select' query parameter.",
    });
  });

  it("answers 42703 for an unknown column", async () => {
    const answer = await world.request("/films?select=nope");
    expect(answer.status).toBe(400);
    expect(answer.json()).toMatchObject({ code: "42703" });
  });
});

describe("raw HTTP: malformed queries are 400 PGRST100", () => {
  it.each([
    ["/films?id=eq", '"failed to parse filter (eq)"'],
    ["/films?id=nope.1", '"failed to parse filter (nope.1)"'],
    ["/films?id=is.maybe", '"failed to parse filter (is.maybe)"'],
    ["/films?id=in.1,2", '"failed to parse filter (in.1,2)"'],
    ["/films?select=id,", '"failed to parse select parameter (id,)"'],
    ["/films?order=id.up", '"failed to parse order (id.up)"'],
    ["/films?or=(id.eq.1", '"failed to parse logic tree ((id.eq.1)"'],
    ["/films?or=(id.eq.1,nope(id.eq.2))", '"failed to parse logic tree ((id.eq.1,nope(id.eq.2)))"'],
    ["/films?id=eq(some).1", '"failed to parse filter (eq(some).1)"'],
  ])("%s", async (path, message) => {
    const answer = await world.request(path);
    expect(answer.status).toBe(400);
    const body = answer.json();
    expect(body.code).toBe("PGRST100");
    expect(body.message.startsWith(message)).toBe(true);
    expect(typeof body.details).toBe("string");
    expect(body.hint).toBeNull();
  });
});
