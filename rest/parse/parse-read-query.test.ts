import { describe, expect, it } from "vitest";
import { RestError } from "@/rest/respond/rest-error";
import { parseReadQuery } from "./parse-read-query";

const parse = (query: string) => parseReadQuery(new URLSearchParams(query));

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
        { kind: "column", column: "id", alias: null },
        { kind: "column", column: "title", alias: "heading" },
      ],
      filters: [{ column: "done", negated: false, operator: "eq", value: "false" }],
      order: [
        { column: "id", direction: "desc", nulls: "last" },
        { column: "title", direction: null, nulls: null },
      ],
      limit: 5,
      offset: 10,
    });
  });

  it("defaults to every column, no filters, no order and no limit", () => {
    expect(parse("")).toEqual({ select: [{ kind: "star" }], filters: [], order: [], limit: null, offset: null });
  });

  it("keeps everything after the operator as the value, dots and quotes included", () => {
    expect(parse("title=eq.a.b'c\"d").filters).toEqual([{ column: "title", negated: false, operator: "eq", value: "a.b'c\"d" }]);
  });

  it("parses every operator of this slice, with not. negation", () => {
    const { filters } = parse("a=neq.1&b=gt.2&c=gte.3&d=lt.4&e=lte.5&f=like.*x*&g=ilike.Y*&h=is.NULL&i=not.in.(1,\"2,3\",null)");
    expect(filters).toEqual([
      { column: "a", negated: false, operator: "neq", value: "1" },
      { column: "b", negated: false, operator: "gt", value: "2" },
      { column: "c", negated: false, operator: "gte", value: "3" },
      { column: "d", negated: false, operator: "lt", value: "4" },
      { column: "e", negated: false, operator: "lte", value: "5" },
      { column: "f", negated: false, operator: "like", value: "%x%" },
      { column: "g", negated: false, operator: "ilike", value: "Y%" },
      { column: "h", negated: false, operator: "is", value: "null" },
      { column: "i", negated: true, operator: "in", values: ["1", "2,3", null] },
    ]);
  });

  it("reads escaped quotes inside quoted in. items and an empty list", () => {
    expect(parse('a=in.("say \\"hi\\"",x)').filters[0]).toMatchObject({ values: ['say "hi"', "x"] });
    expect(parse("a=in.()").filters[0]).toMatchObject({ values: [] });
  });

  it("accepts double-quoted column names", () => {
    expect(parse('select="Mixed Case"&order="a.b".asc').select).toEqual([{ kind: "column", column: "Mixed Case", alias: null }]);
    expect(parse('order="a.b".asc').order).toEqual([{ column: "a.b", direction: "asc", nulls: null }]);
  });

  it.each([
    ["select=a;drop table x", "select parameter"],
    ["select=a)--", "select parameter"],
    ["select=author(name)", "embedding"],
    ["select=id::text", "casts"],
    ["order=a);--", "order parameter"],
    ["order=a.sideways", "order parameter"],
    ["order=a;delete from notes", "order parameter"],
    ["id=eq", "expected operator.value"],
    ["id=drop.1", 'unknown operator "drop"'],
    ["id=is.maybe", "is. takes"],
    ["id=in.1,2", "parenthesised list"],
    ['id=in.("open)', "unterminated"],
    ["a;drop table x=eq.1", "filter"],
    ["limit=-1", "limit parameter"],
    ["limit=1;drop", "limit parameter"],
    ["offset=1.5", "offset parameter"],
    ["or=(a.eq.1)", "logical trees"],
  ])("refuses %s with PGRST100 naming %s", (query, named) => {
    const error = syntaxErrorOf(query);
    expect(error.status).toBe(400);
    expect(error.code).toBe("PGRST100");
    expect(error.message).toContain(named);
  });
});
