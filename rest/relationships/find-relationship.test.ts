import { describe, expect, it } from "vitest";
import { RestError } from "@/rest/respond/rest-error";
import { deriveRelationships } from "./derive-relationships";
import { findRelationship } from "./find-relationship";
import type { ForeignKey, UniqueKey } from "./types";

// PostgREST's sample film database plus its orders/addresses pair with two foreign keys.
const foreignKeys: ForeignKey[] = [
  {
    name: "films_director_id_fkey",
    table: "films",
    columns: ["director_id"],
    referencedTable: "directors",
    referencedColumns: ["id"],
  },
  {
    name: "technical_specs_film_id_fkey",
    table: "technical_specs",
    columns: ["film_id"],
    referencedTable: "films",
    referencedColumns: ["id"],
  },
  {
    name: "roles_film_id_fkey",
    table: "roles",
    columns: ["film_id"],
    referencedTable: "films",
    referencedColumns: ["id"],
  },
  {
    name: "roles_actor_id_fkey",
    table: "roles",
    columns: ["actor_id"],
    referencedTable: "actors",
    referencedColumns: ["id"],
  },
  {
    name: "billing",
    table: "orders",
    columns: ["billing_address_id"],
    referencedTable: "addresses",
    referencedColumns: ["id"],
  },
  {
    name: "shipping",
    table: "orders",
    columns: ["shipping_address_id"],
    referencedTable: "addresses",
    referencedColumns: ["id"],
  },
];
const uniqueKeys: UniqueKey[] = [
  { table: "films", columns: ["id"], primary: true },
  { table: "directors", columns: ["id"], primary: true },
  { table: "actors", columns: ["id"], primary: true },
  { table: "technical_specs", columns: ["film_id"], primary: true },
  { table: "roles", columns: ["film_id", "actor_id"], primary: true },
  { table: "orders", columns: ["id"], primary: true },
  { table: "addresses", columns: ["id"], primary: true },
];
const relationships = deriveRelationships(foreignKeys, uniqueKeys);
const find = (source: string, target: string, hint: string | null = null) =>
  findRelationship(relationships, { schema: "api", source, target, hint });

function refusal(run: () => unknown): RestError {
  try {
    run();
  } catch (error) {
    if (error instanceof RestError) return error;
    throw error;
  }
  throw new Error("expected a RestError");
}

describe("relationships derived from foreign keys", () => {
  it("a foreign key is many-to-one from its table and one-to-many back", () => {
    expect(find("films", "directors")).toMatchObject({
      cardinality: "many-to-one",
      columns: [{ source: "director_id", target: "id" }],
    });
    expect(find("directors", "films")).toMatchObject({
      cardinality: "one-to-many",
      columns: [{ source: "id", target: "director_id" }],
    });
  });

  it("a foreign key that is also the primary key is one-to-one both ways", () => {
    expect(find("films", "technical_specs").cardinality).toBe("one-to-one");
    expect(find("technical_specs", "films").cardinality).toBe("one-to-one");
  });

  it("a table whose primary key holds two foreign keys joins their tables many-to-many", () => {
    expect(find("films", "actors")).toMatchObject({
      kind: "junction",
      junction: "roles",
      sourceColumns: [{ source: "film_id", target: "id" }],
      targetColumns: [{ source: "actor_id", target: "id" }],
    });
  });

  it("answers PGRST201 (300) listing the candidates when two foreign keys lead to the same table", () => {
    const error = refusal(() => find("orders", "addresses"));
    expect(error.status).toBe(300);
    expect(error.toBody()).toEqual({
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

  it("a hint picks one by constraint name or by column", () => {
    expect(find("orders", "addresses", "billing")).toMatchObject({ constraint: "billing" });
    expect(find("orders", "addresses", "shipping_address_id")).toMatchObject({ constraint: "shipping" });
    expect(find("addresses", "orders", "shipping")).toMatchObject({
      cardinality: "one-to-many",
      constraint: "shipping",
    });
    expect(find("films", "actors", "roles")).toMatchObject({ kind: "junction" });
  });

  it("takes a constraint name or the referencing column as the target, as PostgREST does", () => {
    expect(find("orders", "billing")).toMatchObject({ target: "addresses", constraint: "billing" });
    expect(find("films", "director_id")).toMatchObject({ target: "directors", cardinality: "many-to-one" });
    expect(find("addresses", "shipping")).toMatchObject({ target: "orders", cardinality: "one-to-many" });
    // The referenced side's column is not a target: "id" names no foreign key of films.
    expect(() => find("directors", "id")).toThrowError(expect.objectContaining({ code: "PGRST200" }));
  });

  it("a column hint matches only the referencing column of a single-column key", () => {
    expect(() => find("orders", "addresses", "id")).toThrowError(expect.objectContaining({ code: "PGRST200" }));
  });

  it("answers PGRST200 (400) with a suggestion for a near miss", () => {
    const error = refusal(() => find("films", "director"));
    expect(error.status).toBe(400);
    expect(error.toBody()).toEqual({
      code: "PGRST200",
      message: "Could not find a relationship between 'films' and 'director' in the schema cache",
      details:
        "Searched for a foreign key relationship between 'films' and 'director' in the schema 'api', but no matches were found.",
      hint: "Perhaps you meant 'directors' instead of 'director'.",
    });
  });

  it("names the hint in PGRST200 when the hint matched nothing", () => {
    const error = refusal(() => find("orders", "addresses", "nope"));
    expect(error.toBody()).toMatchObject({
      code: "PGRST200",
      details:
        "Searched for a foreign key relationship between 'orders' and 'addresses' using the hint 'nope' in the schema 'api', but no matches were found.",
    });
  });
});
