import { describe, expect, it } from "vitest";
import { RestError } from "@/rest/respond/rest-error";
import { parseOrder } from "./parse-order";
import { parseReadQuery } from "./parse-read-query";
import { parseSelect } from "./parse-select";

const column = (name: string, alias: string | null = null) => ({
  kind: "column",
  column: name,
  alias,
  jsonPath: [],
  cast: null,
});
const embed = (target: string, select: unknown[], extra: Record<string, unknown> = {}) => ({
  kind: "embed",
  target,
  alias: null,
  hint: null,
  join: null,
  spread: false,
  select,
  ...extra,
});

function refusal(run: () => unknown): RestError {
  try {
    run();
  } catch (error) {
    if (error instanceof RestError) return error;
    throw error;
  }
  throw new Error("expected a RestError");
}

describe("select with embeds", () => {
  it("parses a plain embed after columns", () => {
    expect(parseSelect("title,directors(id,last_name)")).toEqual([
      column("title"),
      embed("directors", [column("id"), column("last_name")]),
    ]);
  });

  it("parses alias, hint and join modifier in any legal combination", () => {
    expect(parseSelect("billing:addresses!billing!inner(*)")).toEqual([
      embed("addresses", [{ kind: "star" }], { alias: "billing", hint: "billing", join: "inner" }),
    ]);
    expect(parseSelect("actors!inner(id)")[0]).toMatchObject({ hint: null, join: "inner" });
    expect(parseSelect("actors!left(id)")[0]).toMatchObject({ hint: null, join: "left" });
    expect(parseSelect("actors!roles(id)")[0]).toMatchObject({ hint: "roles", join: null });
  });

  it("parses nested embeds, empty embeds and spreads", () => {
    expect(parseSelect("title,roles(character,...actors(first_name)),directors()")).toEqual([
      column("title"),
      embed("roles", [column("character"), embed("actors", [column("first_name")], { spread: true })]),
      embed("directors", []),
    ]);
  });

  it("keeps casts, aliases and JSON paths inside embeds", () => {
    expect(parseSelect("d:directors(id::text,n:data->>name)")).toEqual([
      embed(
        "directors",
        [
          { kind: "column", column: "id", alias: null, jsonPath: [], cast: "text" },
          {
            kind: "column",
            column: "data",
            alias: "n",
            jsonPath: [{ arrow: "->>", key: "name", index: false }],
            cast: null,
          },
        ],
        { alias: "d" },
      ),
    ]);
  });

  it.each([
    ["directors(id", 'expecting "," or ")"'],
    ["directors!a!b(id)", "expecting"],
    ["directors!a!b!c(id)", "expecting"],
    ["data->a(id)", "expecting"],
    ["...directors", 'expecting "("'],
  ])("refuses %s with PGRST100", (select, detail) => {
    const error = refusal(() => parseSelect(select));
    expect(error.status).toBe(400);
    expect(error.code).toBe("PGRST100");
    expect(String(error.details)).toContain(detail);
  });

  it("bounds nesting depth so a crafted select cannot exhaust the stack", () => {
    const deep = `${"a(".repeat(40)}id${")".repeat(40)}`;
    expect(refusal(() => parseSelect(deep)).code).toBe("PGRST100");
    expect(() => parseSelect(`${"a(".repeat(10)}id${")".repeat(10)}`)).not.toThrow();
  });
});

describe("embedded conditions in the query string", () => {
  it("routes filters, logic, order and pages to embed paths", () => {
    const query = parseReadQuery(
      new URLSearchParams(
        "select=title,actors(id)&actors.first_name=eq.Amy&actors.or=(id.eq.1,id.eq.2)&actors.order=id.desc&actors.limit=2&actors.offset=1&films.actors.id=gt.1",
      ),
    );
    expect(query.filters.map((f) => f.path)).toEqual([["actors"], ["films", "actors"]]);
    expect(query.logic[0]?.path).toEqual(["actors"]);
    expect(query.order).toEqual([{ path: ["actors"], column: "id", jsonPath: [], direction: "desc", nulls: null }]);
    expect(query.embedPages).toEqual([
      { path: ["actors"], limit: 2, offset: null },
      { path: ["actors"], limit: null, offset: 1 },
    ]);
  });

  it("refuses a non-numeric embedded limit with PGRST100", () => {
    expect(refusal(() => parseReadQuery(new URLSearchParams("actors.limit=two"))).code).toBe("PGRST100");
  });

  it("parses order by a related column: clients(name).desc.nullslast", () => {
    expect(parseOrder("clients(name).desc.nullslast,id")).toEqual([
      { path: [], relation: "clients", column: "name", jsonPath: [], direction: "desc", nulls: "last" },
      { path: [], column: "id", jsonPath: [], direction: null, nulls: null },
    ]);
  });
});
