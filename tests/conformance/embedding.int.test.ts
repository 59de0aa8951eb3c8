import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { quoteIdent } from "@/lib/engines/sql";
import { startConformance, type Conformance } from "./harness";

/**
 * Resource embedding as PostgREST 12/13 answers it (docs/references/api/resource_embedding.rst,
 * EmbedDisambiguationSpec, EmbedInnerJoinSpec, RelatedQueriesSpec, SpreadQueriesSpec), on PostgREST's film
 * fixtures: directors → films (many-to-one), films ↔ actors through roles (many-to-many), films ↔
 * technical_specs (one-to-one) and orders → addresses twice (billing / shipping, ambiguous).
 */
let world: Conformance;

beforeAll(async () => {
  world = await startConformance(
    ({ role }) => `create table directors (id int primary key, first_name text, last_name text);
      create table films (id int primary key, director_id int references directors(id), title text not null, year int);
      create table actors (id int primary key, first_name text, last_name text);
      create table roles (film_id int references films(id), actor_id int references actors(id), character text,
        primary key (film_id, actor_id));
      create table technical_specs (film_id int primary key references films(id), runtime int, camera text);
      create table addresses (id int primary key, address text);
      create table orders (id int primary key, name text,
        billing_address_id int constraint billing references addresses(id),
        shipping_address_id int constraint shipping references addresses(id));
      insert into directors values (1, 'Christopher', 'Nolan'), (2, 'Denis', 'Villeneuve'), (3, 'Greta', 'Gerwig');
      insert into films values (1, 1, 'Inception', 2010), (2, 1, 'Interstellar', 2014), (3, 2, 'Arrival', 2016),
        (4, 2, 'Dune', 2021), (5, null, 'Untitled', 2030);
      insert into actors values (1, 'Leonardo', 'DiCaprio'), (2, 'Matthew', 'McConaughey'), (3, 'Amy', 'Adams'),
        (4, 'Timothée', 'Chalamet'), (5, 'Anne', 'Hathaway'), (6, 'Zendaya', 'Coleman');
      insert into roles values (1, 1, 'Cobb'), (2, 2, 'Cooper'), (2, 5, 'Brand'), (3, 3, 'Louise'), (4, 4, 'Paul'), (4, 6, 'Chani');
      insert into technical_specs values (1, 148, 'IMAX'), (2, 169, 'IMAX'), (3, 116, 'Alexa');
      insert into addresses values (1, '123 Main St'), (2, '456 Oak Ave');
      insert into orders values (1, 'first', 1, 2), (2, 'second', 2, 2);
      create view films_view as select f.id as film_id, f.title, f.director_id from films f;
      create view directors_view as select d.id, d.last_name as surname from directors d;
      create view films_view_chain as select film_id, title from films_view;
      create function films_after(y int) returns setof films language sql stable as 'select * from films where year > y';
      grant select on directors, films, actors, roles, technical_specs, addresses, orders, films_view, directors_view, films_view_chain to ${quoteIdent(role)};
      grant insert, update, delete on films to ${quoteIdent(role)};`,
  );
});
afterAll(() => world?.close());

const client = () => world.client();
const JSON_TYPE = "application/json; charset=utf-8";

async function get(path: string, headers: Record<string, string> = {}) {
  const answer = await world.request(path, { headers });
  return { status: answer.status, headers: answer.headers, body: answer.json() };
}

const NOLAN = { id: 1, first_name: "Christopher", last_name: "Nolan" };

describe("many-to-one (object or null)", () => {
  it("embeds the director as an object, null when the film has none", async () => {
    const answer = await get("/films?select=title,directors(id,last_name)&order=id");
    expect(answer.status).toBe(200);
    expect(answer.headers["content-type"]).toBe(JSON_TYPE);
    expect(answer.headers["content-range"]).toBe("0-4/*");
    expect(answer.body).toEqual([
      { title: "Inception", directors: { id: 1, last_name: "Nolan" } },
      { title: "Interstellar", directors: { id: 1, last_name: "Nolan" } },
      { title: "Arrival", directors: { id: 2, last_name: "Villeneuve" } },
      { title: "Dune", directors: { id: 2, last_name: "Villeneuve" } },
      { title: "Untitled", directors: null },
    ]);
  });

  it("postgrest-js: * with every column of the embed", async () => {
    const { data, error, status } = await (await client()).from("films").select("*, directors(*)").eq("id", 1);
    expect(error).toBeNull();
    expect(status).toBe(200);
    expect(data).toEqual([{ id: 1, director_id: 1, title: "Inception", year: 2010, directors: NOLAN }]);
  });

  it("an alias renames the embed", async () => {
    const { data, status } = await (
      await client()
    )
      .from("films")
      .select("title, director:directors(last_name)")
      .eq("id", 3);
    expect(status).toBe(200);
    expect(data).toEqual([{ title: "Arrival", director: { last_name: "Villeneuve" } }]);
  });

  it.each([["director_id"], ["films_director_id_fkey"]])(
    "the hint !%s names the foreign key by column or constraint",
    async (hint) => {
      const answer = await get(`/films?select=title,directors!${hint}(last_name)&id=eq.2`);
      expect(answer.status).toBe(200);
      expect(answer.body).toEqual([{ title: "Interstellar", directors: { last_name: "Nolan" } }]);
    },
  );

  it("casts and aliases work inside an embed", async () => {
    const answer = await get("/films?select=title,directors(id::text,surname:last_name)&id=eq.4");
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual([{ title: "Dune", directors: { id: "2", surname: "Villeneuve" } }]);
  });

  it("HEAD with an embed answers the read's status and Content-Range without a body", async () => {
    const answer = await world.request("/films?select=title,directors!inner(last_name)", {
      method: "HEAD",
      headers: { Prefer: "count=exact" },
    });
    expect(answer.status).toBe(200);
    expect(answer.text).toBe("");
    expect(answer.headers["content-range"]).toBe("0-3/4");
  });

  it("Accept: application/vnd.pgrst.object+json answers one object with its embed (postgrest-js single())", async () => {
    const { data, status } = await (
      await client()
    )
      .from("films")
      .select("title, directors(last_name)")
      .eq("id", 1)
      .single();
    expect(status).toBe(200);
    expect(data).toEqual({ title: "Inception", directors: { last_name: "Nolan" } });
  });
});

describe("one-to-many (array, [] when empty)", () => {
  it("embeds every film of each director, [] for a director without films", async () => {
    const answer = await get("/directors?select=last_name,films(title)&order=id&films.order=id");
    expect(answer.status).toBe(200);
    expect(answer.headers["content-range"]).toBe("0-2/*");
    expect(answer.body).toEqual([
      { last_name: "Nolan", films: [{ title: "Inception" }, { title: "Interstellar" }] },
      { last_name: "Villeneuve", films: [{ title: "Arrival" }, { title: "Dune" }] },
      { last_name: "Gerwig", films: [] },
    ]);
  });

  it("postgrest-js: a filter on the embed narrows the array, not the parents", async () => {
    const { data, status } = await (
      await client()
    )
      .from("directors")
      .select("last_name, films(title)")
      .eq("films.title", "Dune")
      .order("id");
    expect(status).toBe(200);
    expect(data).toEqual([
      { last_name: "Nolan", films: [] },
      { last_name: "Villeneuve", films: [{ title: "Dune" }] },
      { last_name: "Gerwig", films: [] },
    ]);
  });

  it("postgrest-js: order with referencedTable orders inside the embed", async () => {
    const { data } = await (
      await client()
    )
      .from("directors")
      .select("last_name, films(title)")
      .eq("id", 1)
      .order("title", { referencedTable: "films", ascending: false });
    expect(data).toEqual([{ last_name: "Nolan", films: [{ title: "Interstellar" }, { title: "Inception" }] }]);
  });

  it("postgrest-js: order with the deprecated foreignTable option", async () => {
    const { data } = await (
      await client()
    )
      .from("directors")
      .select("last_name, films(year)")
      .eq("id", 2)
      .order("year", { foreignTable: "films" });
    expect(data).toEqual([{ last_name: "Villeneuve", films: [{ year: 2016 }, { year: 2021 }] }]);
  });

  it("postgrest-js: limit with referencedTable pages each embedded array", async () => {
    const { data } = await (
      await client()
    )
      .from("directors")
      .select("last_name, films(title)")
      .in("id", [1, 2])
      .order("id")
      .order("id", { referencedTable: "films" })
      .limit(1, { referencedTable: "films" });
    expect(data).toEqual([
      { last_name: "Nolan", films: [{ title: "Inception" }] },
      { last_name: "Villeneuve", films: [{ title: "Arrival" }] },
    ]);
  });

  it("films.offset skips rows inside the embed", async () => {
    const answer = await get("/directors?select=last_name,films(title)&id=eq.1&films.order=id&films.offset=1");
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual([{ last_name: "Nolan", films: [{ title: "Interstellar" }] }]);
  });

  it("an or= tree on the embed filters inside it", async () => {
    const answer = await get(
      "/directors?select=last_name,films(title)&id=eq.2&films.or=(year.lt.2017,title.eq.Nothing)",
    );
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual([{ last_name: "Villeneuve", films: [{ title: "Arrival" }] }]);
  });
});

describe("many-to-many through a junction", () => {
  it("embeds the actors of a film through roles", async () => {
    const answer = await get("/films?select=title,actors(first_name)&id=eq.2&actors.order=first_name");
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual([
      { title: "Interstellar", actors: [{ first_name: "Anne" }, { first_name: "Matthew" }] },
    ]);
  });

  it("the junction table works as a hint", async () => {
    const answer = await get("/actors?select=last_name,films!roles(title)&id=eq.3");
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual([{ last_name: "Adams", films: [{ title: "Arrival" }] }]);
  });

  it("nests embeds: film → roles → actor", async () => {
    const answer = await get("/films?select=title,roles(character,actors(last_name))&id=eq.4&roles.order=character");
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual([
      {
        title: "Dune",
        roles: [
          { character: "Chani", actors: { last_name: "Coleman" } },
          { character: "Paul", actors: { last_name: "Chalamet" } },
        ],
      },
    ]);
  });

  it("nested filters address embeds by path (films.actors.first_name)", async () => {
    const answer = await get(
      "/directors?select=last_name,films(title,actors(first_name))&id=eq.2&films.order=id&films.actors.first_name=eq.Zendaya",
    );
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual([
      {
        last_name: "Villeneuve",
        films: [
          { title: "Arrival", actors: [] },
          { title: "Dune", actors: [{ first_name: "Zendaya" }] },
        ],
      },
    ]);
  });
});

describe("one-to-one", () => {
  it("embeds technical_specs as an object from films, null when missing", async () => {
    const answer = await get("/films?select=title,technical_specs(runtime,camera)&id=in.(1,5)&order=id");
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual([
      { title: "Inception", technical_specs: { runtime: 148, camera: "IMAX" } },
      { title: "Untitled", technical_specs: null },
    ]);
  });

  it("and the film as an object from technical_specs", async () => {
    const answer = await get("/technical_specs?select=runtime,films(title)&film_id=eq.3");
    expect(answer.body).toEqual([{ runtime: 116, films: { title: "Arrival" } }]);
  });

  it("a to-one embed nested in a to-many one", async () => {
    const answer = await get("/directors?select=last_name,films(title,technical_specs(camera))&id=eq.1&films.order=id");
    expect(answer.body).toEqual([
      {
        last_name: "Nolan",
        films: [
          { title: "Inception", technical_specs: { camera: "IMAX" } },
          { title: "Interstellar", technical_specs: { camera: "IMAX" } },
        ],
      },
    ]);
  });
});

describe("!inner, !left and presence filters", () => {
  it("!inner drops films without a director", async () => {
    const answer = await get("/films?select=title,directors!inner(last_name)&order=id", { Prefer: "count=exact" });
    expect(answer.status).toBe(200);
    expect(answer.headers["content-range"]).toBe("0-3/4");
    expect(answer.body.map((film: { title: string }) => film.title)).toEqual([
      "Inception",
      "Interstellar",
      "Arrival",
      "Dune",
    ]);
  });

  it("postgrest-js: !inner with a filter on the embed filters the parents", async () => {
    const { data, status } = await (
      await client()
    )
      .from("films")
      .select("title, actors!inner(first_name)")
      .eq("actors.first_name", "Anne");
    expect(status).toBe(200);
    expect(data).toEqual([{ title: "Interstellar", actors: [{ first_name: "Anne" }] }]);
  });

  it("!left keeps every parent, as without a modifier", async () => {
    const answer = await get("/films?select=id,directors!left(id)&order=id");
    expect(answer.body).toEqual([
      { id: 1, directors: { id: 1 } },
      { id: 2, directors: { id: 1 } },
      { id: 3, directors: { id: 2 } },
      { id: 4, directors: { id: 2 } },
      { id: 5, directors: null },
    ]);
  });

  it("!inner at two depths", async () => {
    const answer = await get(
      "/directors?select=last_name,films!inner(title,actors!inner(first_name))&films.actors.first_name=eq.Zendaya",
    );
    expect(answer.body).toEqual([
      { last_name: "Villeneuve", films: [{ title: "Dune", actors: [{ first_name: "Zendaya" }] }] },
    ]);
  });

  it("an empty embed target() filters without appearing in the body", async () => {
    const answer = await get("/films?select=title,actors!inner()&actors.last_name=eq.Adams");
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual([{ title: "Arrival" }]);
  });

  it("target=is.null keeps parents without an embedded row (anti-join)", async () => {
    const answer = await get("/films?select=title,directors()&directors=is.null");
    expect(answer.body).toEqual([{ title: "Untitled" }]);
  });

  it("target=not.is.null keeps parents with embedded rows", async () => {
    const answer = await get("/directors?select=last_name,films(title)&films=not.is.null&films.year=gt.2015&order=id");
    expect(answer.body).toEqual([{ last_name: "Villeneuve", films: [{ title: "Arrival" }, { title: "Dune" }] }]);
  });

  it("presence tests inside or=", async () => {
    const answer = await get(
      "/directors?select=last_name,films()&films.title=eq.Dune&or=(films.not.is.null,last_name.eq.Gerwig)&order=id",
    );
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual([{ last_name: "Villeneuve" }, { last_name: "Gerwig" }]);
  });

  it("postgrest-js: .is('directors', null) on an embed", async () => {
    const { data, status } = await (await client()).from("films").select("title, directors(id)").is("directors", null);
    expect(status).toBe(200);
    expect(data).toEqual([{ title: "Untitled", directors: null }]);
  });
});

describe("spread", () => {
  it("lifts a to-one embed's columns into the parent", async () => {
    const answer = await get("/films?select=title,...directors(director_first:first_name,last_name)&id=eq.1");
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual([{ title: "Inception", director_first: "Christopher", last_name: "Nolan" }]);
  });

  it("postgrest-js: spread gives nulls when there is no row", async () => {
    const { data } = await (
      await client()
    )
      .from("films")
      .select("id, ...directors(last_name)")
      .in("id", [4, 5])
      .order("id");
    expect(data).toEqual([
      { id: 4, last_name: "Villeneuve" },
      { id: 5, last_name: null },
    ]);
  });

  it("spreads nest: roles → ...actors inside a to-many embed", async () => {
    const answer = await get("/films?select=title,roles(character,...actors(first_name))&id=eq.1");
    expect(answer.body).toEqual([{ title: "Inception", roles: [{ character: "Cobb", first_name: "Leonardo" }] }]);
  });

  it("refuses a spread of a to-many embed (PostgREST 12: PGRST119)", async () => {
    const answer = await get("/directors?select=last_name,...films(title)");
    expect(answer.status).toBe(400);
    expect(answer.body).toEqual({
      code: "PGRST119",
      message: "A spread operation on 'films' is not possible",
      details: "'directors' and 'films' do not form a many-to-one or one-to-one relationship",
      hint: null,
    });
  });
});

describe("ordering by a to-one embed", () => {
  it("order=directors(last_name).desc (nulls first, as PostgreSQL orders desc)", async () => {
    const answer = await get("/films?select=id,directors(last_name)&order=directors(last_name).desc,id");
    expect(answer.status).toBe(200);
    expect(answer.body.map((film: { id: number }) => film.id)).toEqual([5, 3, 4, 1, 2]);
  });

  it("an aliased embed is ordered by its alias, nullsfirst honoured", async () => {
    const answer = await get(
      "/films?select=id,director:directors(last_name)&order=director(last_name).asc.nullsfirst,id",
    );
    expect(answer.body.map((film: { id: number }) => film.id)).toEqual([5, 1, 2, 3, 4]);
  });

  it("inside an embed: films.order=technical_specs(runtime).desc", async () => {
    const answer = await get(
      "/directors?select=id,films(title,technical_specs(runtime))&id=eq.1&films.order=technical_specs(runtime).desc",
    );
    expect(answer.body).toEqual([
      {
        id: 1,
        films: [
          { title: "Interstellar", technical_specs: { runtime: 169 } },
          { title: "Inception", technical_specs: { runtime: 148 } },
        ],
      },
    ]);
  });

  it("PGRST118 for a to-many embed", async () => {
    const answer = await get("/directors?select=*,films(*)&order=films(title)");
    expect(answer.status).toBe(400);
    expect(answer.headers["content-type"]).toBe(JSON_TYPE);
    expect(answer.body).toEqual({
      code: "PGRST118",
      message: "'directors' and 'films' do not form a many-to-one or one-to-one relationship",
      details: null,
      hint: null,
    });
  });
});

describe("disambiguation (orders → addresses twice)", () => {
  it("PGRST201 (300) lists both relationships", async () => {
    const answer = await get("/orders?select=*,addresses(*)");
    expect(answer.status).toBe(300);
    expect(answer.headers["content-type"]).toBe(JSON_TYPE);
    expect(answer.body).toEqual({
      code: "PGRST201",
      message: "Could not embed because more than one relationship was found for 'orders' and 'addresses'",
      details: [
        {
          cardinality: "many-to-one",
          embedding: "orders with addresses",
          relationship: "billing using orders(billing_address_id) and addresses(id)",
        },
        {
          cardinality: "many-to-one",
          embedding: "orders with addresses",
          relationship: "shipping using orders(shipping_address_id) and addresses(id)",
        },
      ],
      hint: "Try changing 'addresses' to one of the following: 'addresses!billing', 'addresses!shipping'. Find the desired relationship in the 'details' key.",
    });
  });

  it("constraint hints with aliases embed both", async () => {
    const { data, status } = await (
      await client()
    )
      .from("orders")
      .select("name, billing:addresses!billing(address), shipping:addresses!shipping(address)")
      .order("id");
    expect(status).toBe(200);
    expect(data).toEqual([
      { name: "first", billing: { address: "123 Main St" }, shipping: { address: "456 Oak Ave" } },
      { name: "second", billing: { address: "456 Oak Ave" }, shipping: { address: "456 Oak Ave" } },
    ]);
  });

  it("a column hint picks the foreign key, also one-to-many from the other side", async () => {
    const forward = await get("/orders?select=name,addresses!shipping_address_id(address)&id=eq.1");
    expect(forward.body).toEqual([{ name: "first", addresses: { address: "456 Oak Ave" } }]);
    const backward = await get("/addresses?select=address,orders!billing(name)&id=eq.2");
    expect(backward.body).toEqual([{ address: "456 Oak Ave", orders: [{ name: "second" }] }]);
  });

  it("the constraint name itself can be the target (billing(address))", async () => {
    const answer = await get("/orders?id=eq.1&select=id,name,billing(address),shipping(address)");
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual([
      { id: 1, name: "first", billing: { address: "123 Main St" }, shipping: { address: "456 Oak Ave" } },
    ]);
  });

  it("the foreign key column can be the target, aliased to keep the column too", async () => {
    // roles.actor_id: actors has no view over it, so the column names exactly one relationship.
    const plain = await get("/roles?film_id=eq.1&select=character,actor_id(last_name)");
    expect(plain.status).toBe(200);
    expect(plain.body).toEqual([{ character: "Cobb", actor_id: { last_name: "DiCaprio" } }]);
    const aliased = await get("/roles?film_id=eq.1&select=actor_id,actor:actor_id(last_name)");
    expect(aliased.body).toEqual([{ actor_id: 1, actor: { last_name: "DiCaprio" } }]);
  });

  it("a hint that matches nothing is PGRST200 naming the hint", async () => {
    const answer = await get("/orders?select=*,addresses!nope(*)");
    expect(answer.status).toBe(400);
    expect(answer.body).toEqual({
      code: "PGRST200",
      message: "Could not find a relationship between 'orders' and 'addresses' in the schema cache",
      details: `Searched for a foreign key relationship between 'orders' and 'addresses' using the hint 'nope' in the schema '${world.schema}', but no matches were found.`,
      hint: null,
    });
  });
});

describe("errors", () => {
  it("PGRST200 for an unknown relationship, with a suggestion for a near miss", async () => {
    const answer = await get("/films?select=*,director(*)");
    expect(answer.status).toBe(400);
    expect(answer.headers["content-type"]).toBe(JSON_TYPE);
    expect(answer.body).toEqual({
      code: "PGRST200",
      message: "Could not find a relationship between 'films' and 'director' in the schema cache",
      details: `Searched for a foreign key relationship between 'films' and 'director' in the schema '${world.schema}', but no matches were found.`,
      hint: "Perhaps you meant 'directors' instead of 'director'.",
    });
  });

  it("postgrest-js surfaces PGRST200 as the error", async () => {
    const { data, error, status } = await (await client()).from("actors").select("*, addresses(*)");
    expect(status).toBe(400);
    expect(data).toBeNull();
    expect(error).toMatchObject({
      code: "PGRST200",
      message: "Could not find a relationship between 'actors' and 'addresses' in the schema cache",
    });
  });

  it.each([
    ["a filter", "/films?select=title&actors.first_name=eq.Amy", "actors"],
    ["an embedded order", "/films?select=title&actors.order=first_name", "actors"],
    ["an embedded limit", "/films?select=title&actors.limit=1", "actors"],
    ["a related order", "/films?select=title,directors(last_name)&order=directorsx(last_name)", "directorsx"],
    ["a nested path", "/directors?select=films(title)&films.nope.id=eq.1", "nope"],
  ])("PGRST108 for %s on a resource that is not embedded", async (_, path, name) => {
    const answer = await get(path);
    expect(answer.status).toBe(400);
    expect(answer.headers["content-type"]).toBe(JSON_TYPE);
    expect(answer.body).toEqual({
      code: "PGRST108",
      message: `'${name}' is not an embedded resource in this request`,
      details: null,
      hint: `Verify that '${name}' is included in the 'select' query parameter.`,
    });
  });

  it("PGRST120 for an operator other than is null on an embedded resource", async () => {
    const answer = await get("/films?select=title,directors(*)&directors=eq.1");
    expect(answer.status).toBe(400);
    expect(answer.body).toEqual({
      code: "PGRST120",
      message: "Bad operator on the 'directors' embedded resource",
      details: "Only is null or not is null filters are allowed on embedded resources",
      hint: null,
    });
  });

  it("an unknown column inside an embed is 400 42703", async () => {
    const answer = await get("/films?select=title,directors(nope)");
    expect(answer.status).toBe(400);
    expect(answer.body.code).toBe("42703");
  });

  it("SQL in an embed name or hint is refused and never runs", async () => {
    for (const path of [
      '/films?select=title,"x;drop table films"(*)',
      '/films?select=title,directors!"a;drop table films"(*)',
    ]) {
      const answer = await get(encodeURI(path));
      expect(answer.status).toBe(400);
      expect(answer.body.code).toBe("PGRST200");
    }
    expect((await get("/films?select=id&id=eq.1")).body).toEqual([{ id: 1 }]);
  });
});

describe("views inherit their base tables' foreign keys (pg_rewrite)", () => {
  it("embeds a table from a view", async () => {
    const answer = await get("/films_view?select=title,directors(last_name)&film_id=eq.1");
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual([{ title: "Inception", directors: { last_name: "Nolan" } }]);
  });

  it("embeds a view from a table, under the view's own column names", async () => {
    const { data, status } = await (await client()).from("films").select("title, directors_view(surname)").eq("id", 3);
    expect(status).toBe(200);
    expect(data).toEqual([{ title: "Arrival", directors_view: { surname: "Villeneuve" } }]);
  });

  it("one-to-many from a table to a view, and many-to-many from a view through a junction", async () => {
    const toMany = await get("/directors?select=last_name,films_view(title)&id=eq.2&films_view.order=film_id");
    expect(toMany.body).toEqual([{ last_name: "Villeneuve", films_view: [{ title: "Arrival" }, { title: "Dune" }] }]);
    const junction = await get("/films_view?select=title,actors(first_name)&film_id=eq.4&actors.order=first_name");
    expect(junction.body).toEqual([{ title: "Dune", actors: [{ first_name: "Timothée" }, { first_name: "Zendaya" }] }]);
  });

  it("follows a chain of views to the base table", async () => {
    const answer = await get("/films_view_chain?select=title,roles(character)&film_id=eq.1");
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual([{ title: "Inception", roles: [{ character: "Cobb" }] }]);
  });
});

describe("embedding on writes and RPC", () => {
  it("postgrest-js: insert(...).select() embeds in the representation", async () => {
    const { data, status } = await (
      await client()
    )
      .from("films")
      .insert({ id: 10, director_id: 3, title: "Barbie", year: 2023 })
      .select("title, directors(last_name)");
    expect(status).toBe(201);
    expect(data).toEqual([{ title: "Barbie", directors: { last_name: "Gerwig" } }]);
  });

  it("PATCH with return=representation embeds", async () => {
    const answer = await world.request("/films?id=eq.10&select=title,...directors(last_name)", {
      method: "PATCH",
      headers: { prefer: "return=representation" },
      body: JSON.stringify({ title: "Barbie (2023)" }),
    });
    expect(answer.status).toBe(200);
    expect(answer.json()).toEqual([{ title: "Barbie (2023)", last_name: "Gerwig" }]);
  });

  it("DELETE with return=representation embeds", async () => {
    const { data, status } = await (
      await client()
    )
      .from("films")
      .delete()
      .eq("id", 10)
      .select("id, directors(first_name)");
    expect(status).toBe(200);
    expect(data).toEqual([{ id: 10, directors: { first_name: "Greta" } }]);
  });

  it("a DELETE filtered on an embed is refused (PGRST108) and deletes nothing, never widened to every row", async () => {
    const answer = await world.request("/films?directors.last_name=eq.Nolan", { method: "DELETE" });
    expect(answer.status).toBe(400);
    expect(answer.json()).toMatchObject({
      code: "PGRST108",
      message: "'directors' is not an embedded resource in this request",
    });
    expect((await get("/films?select=id&order=id")).body).toHaveLength(5);
  });

  it("RPC: embedded filters, !inner and spread on a set-returning function", async () => {
    const answer = await get(
      "/rpc/films_after?y=2000&select=title,...directors!inner(last_name)&directors.last_name=eq.Nolan&order=id",
    );
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual([
      { title: "Inception", last_name: "Nolan" },
      { title: "Interstellar", last_name: "Nolan" },
    ]);
  });

  it("RPC: !inner narrows the exact count too", async () => {
    const answer = await get("/rpc/films_after?y=2000&select=title,directors!inner(id)&order=id", {
      Prefer: "count=exact",
    });
    expect(answer.status).toBe(200);
    expect(answer.headers["content-range"]).toBe("0-3/4");
    expect(answer.body).toHaveLength(4);
  });

  it("a set-returning function's rows embed like its table's", async () => {
    const answer = await get("/rpc/films_after?y=2015&select=title,directors(last_name)&order=id");
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual([
      { title: "Arrival", directors: { last_name: "Villeneuve" } },
      { title: "Dune", directors: { last_name: "Villeneuve" } },
      { title: "Untitled", directors: null },
    ]);
  });
});
