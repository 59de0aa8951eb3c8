import { describe, expect, it } from "vitest";
import { deriveRelationships } from "./derive-relationships";
import { type LocatedForeignKey, type LocatedUniqueKey, viewKeys } from "./view-keys";

// films (oid 10: id=1, director_id=2) → directors (oid 20: id=1); films_view (oid 30) = select id as film_id, director_id from films;
// chain (oid 40) = select film_id from films_view; computed (oid 50) exposes no base column.
const foreignKeys: LocatedForeignKey[] = [
  {
    name: "films_director_id_fkey",
    table: "films",
    columns: ["director_id"],
    referencedTable: "directors",
    referencedColumns: ["id"],
    source: { oid: 10, attnums: [2] },
    referenced: { oid: 20, attnums: [1] },
  },
];
const uniqueKeys: LocatedUniqueKey[] = [
  { table: "films", columns: ["id"], primary: true, location: { oid: 10, attnums: [1] } },
  { table: "directors", columns: ["id"], primary: true, location: { oid: 20, attnums: [1] } },
];
const views = [
  {
    name: "films_view",
    oid: 30,
    columns: ["film_id", "director_id"],
    origins: [
      { resno: 1, table: 10, column: 1 },
      { resno: 2, table: 10, column: 2 },
    ],
  },
  { name: "chain", oid: 40, columns: ["film_id"], origins: [{ resno: 1, table: 30, column: 1 }] },
  { name: "computed", oid: 50, columns: ["n"], origins: [] },
];

describe("viewKeys", () => {
  it("copies a foreign key to a view exposing its columns, under the view's names", () => {
    const inherited = viewKeys(foreignKeys, uniqueKeys, views);
    expect(inherited.foreignKeys).toEqual([
      {
        name: "films_director_id_fkey",
        table: "films_view",
        columns: ["director_id"],
        referencedTable: "directors",
        referencedColumns: ["id"],
      },
    ]);
  });

  it("copies primary keys through chains of views, and never to a view that lacks the columns", () => {
    const inherited = viewKeys(foreignKeys, uniqueKeys, views);
    expect(inherited.uniqueKeys).toEqual([
      { table: "films_view", columns: ["film_id"], primary: true },
      { table: "chain", columns: ["film_id"], primary: true },
    ]);
  });

  it("makes the view embeddable both ways", () => {
    const inherited = viewKeys(foreignKeys, uniqueKeys, views);
    const relationships = deriveRelationships(
      [...foreignKeys, ...inherited.foreignKeys],
      [...uniqueKeys, ...inherited.uniqueKeys],
    );
    expect(
      relationships
        .filter((r) => r.source === "films_view" || r.target === "films_view")
        .map((r) => `${r.source}->${r.target}:${r.cardinality}`),
    ).toEqual(["films_view->directors:many-to-one", "directors->films_view:one-to-many"]);
  });
});
