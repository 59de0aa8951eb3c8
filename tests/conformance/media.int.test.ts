import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { quoteIdent } from "@/lib/engines/sql";
import { withClient } from "@/tests/fixtures/tenant";
import { startConformance, type Conformance } from "./harness";

// Expectations follow PostgREST 12/13: MediaType.hs (Content-Type with charset), Plan/Negotiate.hs (406
// PGRST107), Error.hs (PGRST116 wording, 57014 → 500), the CSV body of Query/SqlFragment (asCsvF), OpenAPI.hs.
const JSON_TYPE = "application/json; charset=utf-8";
const OBJECT_TYPE = "application/vnd.pgrst.object+json; charset=utf-8";
const CSV_TYPE = "text/csv; charset=utf-8";

let world: Conformance;

beforeAll(async () => {
  world = await startConformance(
    ({ role }) => `
      create table films (id int primary key, title text not null, year int, rating numeric, tags text[],
        note text, code varchar(8) not null default 'X', data jsonb);
      insert into films values (1, 'Alien', 1979, 8.5, '{scifi,horror}', null, 'A1', '{"a": 1}'),
                               (2, 'Brazil, the film', 1985, null, '{}', 'say "hi"', 'B2', null);
      create view film_titles as select id, title from films;
      create materialized view film_years as select id, year from films;
      create table lots (n int primary key);
      insert into lots select generate_series(1, 1001);
      create view slow as select true as slept from pg_sleep(2);
      grant select, insert on films, lots to ${quoteIdent(role)};
      grant select on film_titles, film_years, slow to ${quoteIdent(role)};`,
  );
  // A short statement_timeout on the tenant's API role (set before rest opens its pool: it applies at login).
  await withClient(process.env.FLUX_TENANT_DATABASE_URL ?? "", (client) =>
    client.query(`alter role ${quoteIdent(world.tenant.credentials.role)} set statement_timeout = '500ms'`),
  );
}, 60_000);
afterAll(() => world?.close());

describe("text/csv", () => {
  it("answers a read as CSV: a header line of column names, rows in PostgreSQL's record text form", async () => {
    const res = await world.request("/films?select=id,title,year&order=id", { headers: { accept: "text/csv" } });
    expect(res.status).toBe(200);
    expect(res.headers["content-type"]).toBe(CSV_TYPE);
    expect(res.headers["content-range"]).toBe("0-1/*");
    expect(res.text).toBe('id,title,year\n1,Alien,1979\n2,"Brazil, the film",1985');
  });

  it("writes NULL as an empty field and quotes commas, quotes and arrays as PostgreSQL does", async () => {
    const res = await world.request("/films?select=id,rating,note,tags&order=id", { headers: { accept: "text/csv" } });
    expect(res.status).toBe(200);
    expect(res.text).toBe('id,rating,note,tags\n1,8.5,,"{scifi,horror}"\n2,,"say ""hi""",{}');
  });

  it("uses aliases as header names", async () => {
    const res = await world.request("/films?select=film:title&id=eq.1", { headers: { accept: "text/csv" } });
    expect(res.text).toBe("film\nAlien");
  });

  it("answers an empty result with an empty header line, as PostgREST does", async () => {
    const res = await world.request("/films?id=eq.99", { headers: { accept: "text/csv" } });
    expect(res.status).toBe(200);
    expect(res.headers["content-type"]).toBe(CSV_TYPE);
    expect(res.headers["content-range"]).toBe("*/*");
    expect(res.text).toBe("\n");
  });

  it("answers HEAD with the CSV Content-Type and no body", async () => {
    const res = await world.request("/films", { method: "HEAD", headers: { accept: "text/csv" } });
    expect(res.status).toBe(200);
    expect(res.headers["content-type"]).toBe(CSV_TYPE);
    expect(res.text).toBe("");
  });
});

describe("application/vnd.pgrst.object+json", () => {
  it("answers one row as a bare object with the vendor Content-Type", async () => {
    const res = await world.request("/films?id=eq.1&select=id,title", {
      headers: { accept: "application/vnd.pgrst.object+json" },
    });
    expect(res.status).toBe(200);
    expect(res.headers["content-type"]).toBe(OBJECT_TYPE);
    expect(res.json()).toEqual({ id: 1, title: "Alien" });
  });

  it("refuses zero rows with 406 PGRST116 and PostgREST's message and details", async () => {
    const res = await world.request("/films?id=eq.99", { headers: { accept: "application/vnd.pgrst.object+json" } });
    expect(res.status).toBe(406);
    expect(res.headers["content-type"]).toBe(JSON_TYPE);
    expect(res.json()).toEqual({
      code: "PGRST116",
      message: "Cannot coerce the result to a single JSON object",
      details: "The result contains 0 rows",
      hint: null,
    });
  });

  it("refuses several rows with 406 PGRST116 naming the count", async () => {
    const res = await world.request("/films", { headers: { accept: "application/vnd.pgrst.object+json" } });
    expect(res.status).toBe(406);
    expect(res.json()).toMatchObject({ code: "PGRST116", details: "The result contains 2 rows" });
  });

  it("serves postgrest-js single(): an object for one row, PGRST116 for none", async () => {
    const client = await world.client();
    const one = await client.from("films").select("title").eq("id", 2).single();
    expect(one).toMatchObject({ status: 200, data: { title: "Brazil, the film" }, error: null });
    const none = await client.from("films").select("title").eq("id", 99).single();
    expect(none.status).toBe(406);
    expect(none.error).toMatchObject({ code: "PGRST116", details: "The result contains 0 rows" });
  });

  it("answers a write's representation as one object", async () => {
    const res = await world.request("/films?select=id,title,code", {
      method: "POST",
      body: JSON.stringify({ id: 10, title: "Solaris" }),
      headers: { accept: "application/vnd.pgrst.object+json", prefer: "return=representation" },
    });
    expect(res.status).toBe(201);
    expect(res.headers["content-type"]).toBe(OBJECT_TYPE);
    expect(res.json()).toEqual({ id: 10, title: "Solaris", code: "X" });
  });
});

describe("nulls=stripped", () => {
  it("drops null fields from an array body and says so in the Content-Type", async () => {
    const res = await world.request("/films?select=id,rating,note&id=lt.3&order=id", {
      headers: { accept: "application/vnd.pgrst.array+json;nulls=stripped" },
    });
    expect(res.status).toBe(200);
    expect(res.headers["content-type"]).toBe("application/vnd.pgrst.array+json;nulls=stripped; charset=utf-8");
    expect(res.json()).toEqual([
      { id: 1, rating: 8.5 },
      { id: 2, note: 'say "hi"' },
    ]);
  });

  it("drops null fields from a single object", async () => {
    const res = await world.request("/films?select=id,note&id=eq.1", {
      headers: { accept: "application/vnd.pgrst.object+json;nulls=stripped" },
    });
    expect(res.status).toBe(200);
    expect(res.headers["content-type"]).toBe("application/vnd.pgrst.object+json;nulls=stripped; charset=utf-8");
    expect(res.json()).toEqual({ id: 1 });
  });
});

describe("content negotiation", () => {
  it("refuses an unsupported Accept with 406 PGRST107 naming the media type", async () => {
    const res = await world.request("/films", { headers: { accept: "text/xml" } });
    expect(res.status).toBe(406);
    expect(res.headers["content-type"]).toBe(JSON_TYPE);
    expect(res.json()).toEqual({
      code: "PGRST107",
      message: "None of these media types are available: text/xml",
      details: null,
      hint: null,
    });
  });

  it("lists every requested media type when none is available", async () => {
    const res = await world.request("/films", { headers: { accept: "application/xml, text/html" } });
    expect(res.status).toBe(406);
    expect(res.json()).toMatchObject({
      code: "PGRST107",
      message: "None of these media types are available: application/xml, text/html",
    });
  });

  it.each(["*/*", "application/*", "application/json", ""])("answers Accept %j with a JSON array", async (accept) => {
    const res = await world.request("/films?select=id&id=lt.3&order=id", { headers: accept ? { accept } : {} });
    expect(res.status).toBe(200);
    expect(res.headers["content-type"]).toBe(JSON_TYPE);
    expect(res.json()).toEqual([{ id: 1 }, { id: 2 }]);
  });

  it("honours q-values: the higher-weighted supported type wins", async () => {
    const csv = await world.request("/films?select=id&id=eq.1", {
      headers: { accept: "application/json;q=0.2, text/csv" },
    });
    expect(csv.headers["content-type"]).toBe(CSV_TYPE);
    expect(csv.text).toBe("id\n1");
    const json = await world.request("/films?select=id&id=eq.1", {
      headers: { accept: "text/csv;q=0.5, application/json" },
    });
    expect(json.headers["content-type"]).toBe(JSON_TYPE);
  });

  it("skips an unsupported first choice for a supported later one", async () => {
    const res = await world.request("/films?select=id&id=eq.1", { headers: { accept: "text/xml, text/csv" } });
    expect(res.status).toBe(200);
    expect(res.text).toBe("id\n1");
  });

  it("sends errors as application/json; charset=utf-8", async () => {
    const res = await world.request("/nope", { headers: { accept: "text/csv" } });
    expect(res.status).toBe(404);
    expect(res.headers["content-type"]).toBe(JSON_TYPE);
    expect(res.json()).toMatchObject({ code: "PGRST205" });
  });
});

describe("OpenAPI at GET /", () => {
  it("answers a Swagger 2.0 document for the tenant's own schema", async () => {
    const res = await world.request("/", { headers: { accept: "application/openapi+json" } });
    expect(res.status).toBe(200);
    expect(res.headers["content-type"]).toBe("application/openapi+json; charset=utf-8");
    const doc = res.json();
    expect(doc).toMatchObject({ swagger: "2.0", basePath: "/", host: world.project.host, schemes: ["http"] });
    expect(doc.info).toMatchObject({ title: "PostgREST API" });
    expect(Object.keys(doc.paths).sort()).toEqual(["/", "/film_titles", "/film_years", "/films", "/lots", "/slow"]);
  });

  it("gives tables get/post/patch/delete with PostgREST's parameters and read-only relations only get", async () => {
    const doc = (await world.request("/")).json();
    const films = doc.paths["/films"];
    expect(Object.keys(films).sort()).toEqual(["delete", "get", "patch", "post"]);
    expect(films.get.parameters).toEqual(
      expect.arrayContaining([
        { $ref: "#/parameters/rowFilter.films.id" },
        { $ref: "#/parameters/select" },
        { $ref: "#/parameters/order" },
        { $ref: "#/parameters/limit" },
      ]),
    );
    expect(films.get.responses["200"].schema).toEqual({ items: { $ref: "#/definitions/films" }, type: "array" });
    expect(films.post.parameters).toEqual([
      { $ref: "#/parameters/body.films" },
      { $ref: "#/parameters/select" },
      { $ref: "#/parameters/preferPost" },
    ]);
    expect(Object.keys(doc.paths["/film_years"])).toEqual(["get"]);
    expect(doc.parameters["rowFilter.films.id"]).toEqual({
      name: "id",
      required: false,
      format: "integer",
      in: "query",
      type: "string",
    });
  });

  it("describes each column's type, format, required-ness and primary key in definitions", async () => {
    const { definitions } = (await world.request("/")).json();
    expect(definitions.films.required).toEqual(["id", "title"]);
    expect(definitions.films.properties).toMatchObject({
      id: { format: "integer", type: "integer", description: "Note:\nThis is a Primary Key.<pk/>" },
      title: { format: "text", type: "string" },
      rating: { format: "numeric", type: "number" },
      tags: { format: "text[]", type: "array", items: { type: "string" } },
      code: { format: "character varying", type: "string", maxLength: 8 },
      data: { format: "jsonb" },
    });
  });

  it("refuses a media type the root does not produce", async () => {
    const res = await world.request("/", { headers: { accept: "text/csv" } });
    expect(res.status).toBe(406);
    expect(res.json()).toMatchObject({
      code: "PGRST107",
      message: "None of these media types are available: text/csv",
    });
  });
});

describe("limits", () => {
  it("caps a read at FLUX_REST_MAX_ROWS (1000) as PostgREST's db-max-rows does", async () => {
    const res = await world.request("/lots?select=n");
    expect(res.status).toBe(200);
    expect(res.json()).toHaveLength(1000);
    expect(res.headers["content-range"]).toBe("0-999/*");
  });

  it("keeps a smaller limit= under the cap", async () => {
    const res = await world.request("/lots?select=n&limit=3&offset=10");
    expect(res.json()).toEqual([{ n: 11 }, { n: 12 }, { n: 13 }]);
    expect(res.headers["content-range"]).toBe("10-12/*");
  });

  it("cancels a query past the tenant role's statement_timeout: 500 with PostgreSQL's 57014", async () => {
    const res = await world.request("/slow");
    expect(res.status).toBe(500);
    expect(res.headers["content-type"]).toBe(JSON_TYPE);
    expect(res.json()).toMatchObject({ code: "57014", message: "canceling statement due to statement timeout" });
  });

  // The gateway enforces the same FLUX_BODY_LIMIT_BYTES before rest sees a byte (rest's own PGRST413 is
  // covered in rest/limits.int.test.ts).
  it("refuses a body over FLUX_BODY_LIMIT_BYTES with 413 before running any SQL", async () => {
    const rows = Array.from({ length: 40_000 }, (_, i) => ({ id: 100_000 + i, title: "x".repeat(20) }));
    const res = await world.request("/films", { method: "POST", body: JSON.stringify(rows) });
    expect(res.status).toBe(413);
    expect(res.json()).toMatchObject({ code: "FLUX-GW-BODY-TOO-LARGE" });
    const count = await world.request("/films?select=id&id=gte.100000");
    expect(count.json()).toEqual([]);
  });
});

describe("application/vnd.pgrst.object+json on writes", () => {
  it("refuses a representation of several rows with 406 PGRST116 and rolls the insert back", async () => {
    const res = await world.request("/films?select=id", {
      method: "POST",
      body: JSON.stringify([
        { id: 20, title: "One" },
        { id: 21, title: "Two" },
      ]),
      headers: { accept: "application/vnd.pgrst.object+json", prefer: "return=representation" },
    });
    expect(res.status).toBe(406);
    expect(res.json()).toEqual({
      code: "PGRST116",
      message: "Cannot coerce the result to a single JSON object",
      details: "The result contains 2 rows",
      hint: null,
    });
    expect((await world.request("/films?select=id&id=in.(20,21)")).json()).toEqual([]);
  });
});
