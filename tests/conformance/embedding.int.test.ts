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
      create function films_after(y int) returns setof films language sql stable as 'select * from films where year > y';
      grant select on directors, films, actors, roles, technical_specs, addresses, orders to ${quoteIdent(role)};
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

describe("many-to-one", () => {
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
});
