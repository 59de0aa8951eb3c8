import { describe, expect, it } from "vitest";
import { parseReadQuery } from "@/rest/parse/parse-read-query";
import { RestError } from "@/rest/respond/rest-error";
import { filmScope, filmTable } from "@/rest/testing/film-scope";
import { planRead } from "./plan-read";

const plan = (table: string, query: string) =>
  planRead(parseReadQuery(new URLSearchParams(query)), filmTable(table), 1000, { scope: filmScope });

function refusal(run: () => unknown): RestError {
  try {
    run();
  } catch (error) {
    if (error instanceof RestError) return error;
    throw error;
  }
  throw new Error("expected a RestError");
}

describe("planRead with embeds", () => {
  it("resolves each embed's relationship and cardinality, numbering aliases depth first", () => {
    const planned = plan("directors", "select=last_name,films(title,technical_specs(runtime),actors(id))");
    const [films] = planned.embeds ?? [];
    expect(films).toMatchObject({ id: 1, name: "films", toOne: false, relationship: { cardinality: "one-to-many" } });
    expect(films?.node.embeds.map((e) => [e.id, e.name, e.toOne, e.relationship.kind])).toEqual([
      [2, "technical_specs", true, "direct"],
      [3, "actors", false, "junction"],
    ]);
  });

  it("moves embedded filters, trees, orders and pages into their embed", () => {
    const planned = plan(
      "films",
      "select=id,actors(id)&actors.first_name=eq.Amy&actors.or=(id.eq.1)&actors.order=id&actors.limit=2&actors.offset=1&id=gt.0",
    );
    const actors = planned.embeds?.[0]?.node;
    expect(planned.filters).toHaveLength(1);
    expect(actors?.filters).toMatchObject([{ path: [], column: "first_name", value: "Amy" }]);
    expect(actors?.logic).toMatchObject([{ path: [], operator: "or" }]);
    expect(actors?.order).toMatchObject([{ path: [], column: "id" }]);
    expect([actors?.limit, actors?.offset]).toEqual([2, 1]);
  });

  it("turns target=is.null into a presence test on the embed's alias, also inside or=", () => {
    const planned = plan("films", "select=id,directors()&directors=is.null&or=(directors.not.is.null,id.eq.1)");
    expect(planned.filters[0]).toMatchObject({ column: "directors", embed: "pgrst_l1", operator: "is", value: "null" });
    expect(planned.logic[0]?.children[0]).toMatchObject({ embed: "pgrst_l1", negated: true });
    expect(planned.embeds?.[0]?.hidden).toBe(true);
  });

  it("computes a spread's keys (aliases, stars, nested embeds)", () => {
    expect(plan("films", "select=...directors(f:first_name,last_name)").embeds?.[0]?.keys).toEqual(["f", "last_name"]);
    expect(plan("films", "select=...directors(*)").embeds?.[0]?.keys).toEqual(["id", "first_name", "last_name"]);
  });

  it("resolves order=target(col) to the to-one embed's alias", () => {
    expect(plan("films", "select=id,d:directors(id)&order=d(last_name).desc").order).toMatchObject([
      { relationAlias: "pgrst_l1", column: "last_name" },
    ]);
  });

  it.each([
    ["a filter", "films", "select=id&actors.id=eq.1", "PGRST108", 400],
    ["a related order on a to-many embed", "directors", "select=id,films(id)&order=films(id)", "PGRST118", 400],
    ["a related order on nothing embedded", "films", "select=id&order=directors(id)", "PGRST108", 400],
    ["a bad operator on an embed", "films", "select=id,directors(id)&directors=eq.1", "PGRST120", 400],
    ["a to-many spread", "directors", "select=...films(id)", "PGRST119", 400],
    ["an unknown relationship", "films", "select=id,nothing(id)", "PGRST200", 400],
    ["an unknown column inside an embed", "films", "select=id,directors(nope)", "42703", 400],
    ["an unknown column in an embedded filter", "films", "select=id,directors(id)&directors.nope=eq.1", "42703", 400],
    ["a target name hidden by its alias", "films", "select=id,d:directors(id)&directors.id=eq.1", "PGRST108", 400],
  ])("refuses %s", (_, table, query, code, status) => {
    const error = refusal(() => plan(table, query));
    expect([error.code, error.status]).toEqual([code, status]);
  });
});
