import { describe, expect, it } from "vitest";
import { RestError } from "@/rest/respond/rest-error";
import { parseReadQuery } from "./parse-read-query";

const parse = (query: string) => parseReadQuery(new URLSearchParams(query));
const filter = (rest: Record<string, unknown>) => ({ path: [], jsonPath: [], negated: false, ...rest });

function syntaxErrorOf(query: string): RestError {
  try {
    parse(query);
  } catch (error) {
    if (error instanceof RestError) return error;
    throw error;
  }
  throw new Error(`expected ${query} to be refused`);
}

describe("parseReadQuery", () => {
  it("parses select, filters, order, limit and offset", () => {
    expect(parse("select=id,heading:title&done=eq.false&order=id.desc.nullslast,title&limit=5&offset=10")).toEqual({
      select: [
        { kind: "column", column: "id", alias: null, jsonPath: [], cast: null },
        { kind: "column", column: "title", alias: "heading", jsonPath: [], cast: null },
      ],
      filters: [filter({ column: "done", operator: "eq", value: "false" })],
      logic: [],
      order: [
        { path: [], column: "id", jsonPath: [], direction: "desc", nulls: "last" },
        { path: [], column: "title", jsonPath: [], direction: null, nulls: null },
      ],
      limit: 5,
      offset: 10,
      embedPages: [],
    });
  });

  it("defaults to every column, no filters, no order and no limit", () => {
    expect(parse("")).toEqual({
      select: [{ kind: "star" }],
      filters: [],
      logic: [],
      order: [],
      limit: null,
      offset: null,
      embedPages: [],
    });
  });

  it("keeps everything after the operator as the value, dots and quotes included", () => {
    expect(parse("title=eq.a.b'c\"d").filters).toEqual([
      filter({ column: "title", operator: "eq", value: "a.b'c\"d" }),
    ]);
  });

  it("parses every operator, with not. negation, modifiers and fts languages", () => {
    const { filters } = parse(
      'a=neq.1&f=like.*x*&h=is.NULL&i=not.in.(1,"2,3",null)&j=match.^a&k=cs.{1,2}&l=adj.[1,2)&m=isdistinct.x' +
        "&n=fts(english).cat&o=wfts.a b&p=like(any).{a*,*b}&q=not.gt(all).{1,2}",
    );
    expect(filters).toEqual([
      filter({ column: "a", operator: "neq", value: "1" }),
      filter({ column: "f", operator: "like", value: "%x%" }),
      filter({ column: "h", operator: "is", value: "null" }),
      filter({ column: "i", negated: true, operator: "in", values: ["1", "2,3", null] }),
      filter({ column: "j", operator: "match", value: "^a" }),
      filter({ column: "k", operator: "cs", value: "{1,2}" }),
      filter({ column: "l", operator: "adj", value: "[1,2)" }),
      filter({ column: "m", operator: "isdistinct", value: "x" }),
      filter({ column: "n", operator: "fts", language: "english", value: "cat" }),
      filter({ column: "o", operator: "wfts", language: null, value: "a b" }),
      filter({ column: "p", operator: "like", quantifier: "any", value: "{a%,%b}" }),
      filter({ column: "q", negated: true, operator: "gt", quantifier: "all", value: "{1,2}" }),
    ]);
  });

  it("parses JSON paths, casts and embed paths", () => {
    const query = parse(
      "select=x:data->a->>b,price::text,data->0&data->>k=eq.1&author.name=eq.x&author.order=id.desc&order=data->k.asc",
    );
    expect(query.select).toEqual([
      {
        kind: "column",
        column: "data",
        alias: "x",
        cast: null,
        jsonPath: [
          { arrow: "->", key: "a", index: false },
          { arrow: "->>", key: "b", index: false },
        ],
      },
      { kind: "column", column: "price", alias: null, cast: "text", jsonPath: [] },
      { kind: "column", column: "data", alias: null, cast: null, jsonPath: [{ arrow: "->", key: "0", index: true }] },
    ]);
    expect(query.filters).toEqual([
      filter({ column: "data", jsonPath: [{ arrow: "->>", key: "k", index: false }], operator: "eq", value: "1" }),
      filter({ path: ["author"], column: "name", operator: "eq", value: "x" }),
    ]);
    expect(query.order).toEqual([
      { path: ["author"], column: "id", jsonPath: [], direction: "desc", nulls: null },
      { path: [], column: "data", jsonPath: [{ arrow: "->", key: "k", index: false }], direction: "asc", nulls: null },
    ]);
  });

  it("parses nested logic trees with quoted values", () => {
    const { logic } = parse(
      'or=(a.eq.1,and(b.gt.2,not.or(c.is.null,d.eq."x,(y)\\"")),e.in.(1,2))&author.not.and=(f.lt.3)',
    );
    expect(logic).toEqual([
      {
        kind: "logic",
        path: [],
        operator: "or",
        negated: false,
        children: [
          filter({ column: "a", operator: "eq", value: "1" }),
          {
            kind: "logic",
            path: [],
            operator: "and",
            negated: false,
            children: [
              filter({ column: "b", operator: "gt", value: "2" }),
              {
                kind: "logic",
                path: [],
                operator: "or",
                negated: true,
                children: [
                  filter({ column: "c", operator: "is", value: "null" }),
                  filter({ column: "d", operator: "eq", value: 'x,(y)"' }),
                ],
              },
            ],
          },
          filter({ column: "e", operator: "in", values: ["1", "2"] }),
        ],
      },
      {
        kind: "logic",
        path: ["author"],
        operator: "and",
        negated: true,
        children: [filter({ path: ["author"], column: "f", operator: "lt", value: "3" })],
      },
    ]);
  });

  it("reads escaped quotes inside quoted in. items and an empty list", () => {
    expect(parse('a=in.("say \\"hi\\"",x)').filters[0]).toMatchObject({ values: ['say "hi"', "x"] });
    expect(parse("a=in.()").filters[0]).toMatchObject({ values: [] });
  });

  it("accepts double-quoted column names", () => {
    expect(parse('select="Mixed Case"').select).toEqual([
      { kind: "column", column: "Mixed Case", alias: null, jsonPath: [], cast: null },
    ]);
    expect(parse('order="a.b".asc').order).toEqual([
      { path: [], column: "a.b", jsonPath: [], direction: "asc", nulls: null },
    ]);
  });

  it.each([
    ["select=a;drop table x", "failed to parse select parameter"],
    ["select=a)--", "failed to parse select parameter"],
    ["select=author(name", "failed to parse select parameter"],
    ["select=author!a!b!c(name)", "failed to parse select parameter"],
    ["select=author!a!b(name)", "failed to parse select parameter"],
    ["select=data->a(name)", "failed to parse select parameter"],
    ["order=author(name", "failed to parse order"],
    ["order=a);--", "failed to parse order"],
    ["order=a.sideways", "failed to parse order"],
    ["order=a;delete from notes", "failed to parse order"],
    ["id=eq", "failed to parse filter (eq)"],
    ["id=drop.1", "failed to parse filter (drop.1)"],
    ["id=is.maybe", "failed to parse filter"],
    ["id=in.1,2", "failed to parse filter"],
    ['id=in.("open)', "failed to parse filter"],
    ["id=eq(some).1", "failed to parse filter"],
    ["id=cs(any).{1}", "failed to parse filter"],
    ["a;drop table x=eq.1", "failed to parse tree path"],
    ["limit=1;drop", "limit parameter"],
    ["offset=1.5", "offset parameter"],
    ["offset=-1", "offset parameter"],
    ["or=(a.eq.1", "failed to parse logic tree"],
    ["or=a.eq.1", "failed to parse logic tree"],
    ["or=()", "failed to parse logic tree"],
    ["or=(a.xx.1)", "failed to parse logic tree"],
    [`or=${"(or".repeat(40)}(a.eq.1${")".repeat(41)}`, "failed to parse logic tree"],
  ])("refuses %s with PGRST100: %s", (query, named) => {
    const error = syntaxErrorOf(query);
    expect(error.status).toBe(400);
    expect(error.code).toBe("PGRST100");
    expect(error.message).toContain(named);
  });

  it("names the position and the reason like PostgREST", () => {
    const error = syntaxErrorOf("id=noop.1");
    expect(error.message).toBe('"failed to parse filter (noop.1)" (line 1, column 1)');
    expect(error.details).toContain("unknown single value operator noop");
  });
});
