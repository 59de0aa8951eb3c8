import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { provisionTestTenant, withClient, type TestTenant } from "@/tests/fixtures/tenant";
import { loadRelationships } from "./load-relationships";

let tenant: TestTenant;
let other: TestTenant;

beforeAll(async () => {
  [tenant, other] = await Promise.all([provisionTestTenant(), provisionTestTenant()]);
  await other.engine.importSql(other.project, {
    name: "other",
    sql: "create table people (id int primary key); create table films (id int primary key, person_id int references people(id));",
    actorUserId: null,
  });
  await tenant.engine.importSql(tenant.project, {
    name: "films",
    sql: `create table directors (id int primary key, name text);
      create table films (id int primary key, director_id int references directors(id), title text);
      create table actors (id int primary key);
      create table roles (film_id int references films(id), actor_id int references actors(id), character text,
        primary key (film_id, actor_id));
      create table posters (a int, b int, primary key (a, b));
      create table poster_notes (a int, b int, note text, constraint poster_fk foreign key (a, b) references posters (a, b));`,
    actorUserId: null,
  });
});
afterAll(async () => {
  await tenant?.cleanup();
  await other?.cleanup();
});

describe("loadRelationships", () => {
  it("reads the tenant's foreign keys as the tenant's own role, composite keys in column order", async () => {
    const relationships = await withClient(tenant.credentials.apiDatabaseUrl, (client) =>
      loadRelationships(client, tenant.credentials.schema),
    );
    const pairs = relationships.map((r) => `${r.source}->${r.target}:${r.cardinality}`).sort();
    expect(pairs).toEqual(
      [
        "actors->films:many-to-many",
        "actors->roles:one-to-many",
        "directors->films:one-to-many",
        "films->actors:many-to-many",
        "films->directors:many-to-one",
        "films->roles:one-to-many",
        "poster_notes->posters:many-to-one",
        "posters->poster_notes:one-to-many",
        "roles->actors:many-to-one",
        "roles->films:many-to-one",
      ].sort(),
    );
    expect(relationships.find((r) => r.source === "poster_notes")).toMatchObject({
      columns: [
        { source: "a", target: "a" },
        { source: "b", target: "b" },
      ],
    });
  });

  it("keeps to the schema asked for, even where another tenant has a table of the same name", async () => {
    const relationships = await withClient(tenant.credentials.apiDatabaseUrl, (client) =>
      loadRelationships(client, tenant.credentials.schema),
    );
    expect(relationships.some((r) => r.source === "people" || r.target === "people")).toBe(false);
  });
});
