import { describe, expect, it } from "vitest";
import { parseReadQuery } from "@/rest/parse/parse-read-query";
import { planRead } from "@/rest/plan/plan-read";
import { tableInfo } from "@/rest/testing/table-info";
import { buildPreamble } from "./build-preamble";
import { buildReadStatement } from "./build-read";

const notes = tableInfo("notes", [
  ["id", "bigint"],
  ["title", "text"],
  ["done", "boolean"],
  ['we"ird', "text"],
]);

const read = (query: string, maxRows = 1000) =>
  buildReadStatement(planRead(parseReadQuery(new URLSearchParams(query)), notes, maxRows));

describe("buildReadStatement", () => {
  it("builds one statement with every value bound", () => {
    expect(
      read(
        "select=id,heading:title&done=is.false&title=like.*a'b*&id=not.in.(1,2)&order=id.desc.nullsfirst&limit=5&offset=10",
      ),
    ).toEqual({
      text:
        "select coalesce(json_agg(_r), '[]')::text as body, count(*) as page_total, null::bigint as total from (" +
        'select "id", "title" as "heading" from "t_0123456789ab_api"."notes" ' +
        'where "done" is false and "title" like $1 and not ("id" = any ($2)) ' +
        'order by "id" desc nulls first limit $3 offset $4) _r',
      values: ["%a'b%", ["1", "2"], 5, 10],
    });
  });

  it("selects every column and caps the page at max rows when no limit is given", () => {
    expect(read("", 50)).toEqual({
      text: `select coalesce(json_agg(_r), '[]')::text as body, count(*) as page_total, null::bigint as total from (select * from "t_0123456789ab_api"."notes" limit $1) _r`,
      values: [50],
    });
    expect(read("limit=5000", 50).values).toEqual([50]);
  });

  it("binds injection attempts in values as parameters, never as SQL text", () => {
    const statement = read("title=eq.x'); drop table notes; --&id=gte.1 or 1=1");
    expect(statement.text).not.toContain("drop");
    expect(statement.text).not.toContain("1=1");
    expect(statement.values).toEqual(["x'); drop table notes; --", "1 or 1=1", 1000]);
  });

  it("quotes a catalog name containing a double quote through quoteIdent", () => {
    const statement = buildReadStatement({
      table: { schema: notes.schema, name: "notes" },
      projection: { kind: "columns", columns: [{ column: 'we"ird', alias: null }] },
      filters: [{ path: [], column: 'we"ird', jsonPath: [], negated: false, operator: "eq", value: "1" }],
      logic: [],
      order: [],
      page: { offset: 0, limit: 1 },
      count: null,
      limit: 1,
      offset: 0,
    });
    expect(statement.text).toContain('select "we""ird" from');
    expect(statement.text).toContain('where "we""ird" = $1');
  });

  it("refuses a column the table does not have with 42703", () => {
    expect(() => read("select=id,nope")).toThrowError(expect.objectContaining({ status: 400, code: "42703" }));
    expect(() => read("nope=eq.1")).toThrowError(expect.objectContaining({ code: "42703" }));
    expect(() => read("order=nope")).toThrowError(
      expect.objectContaining({ message: "column notes.nope does not exist" }),
    );
  });
});

describe("buildPreamble", () => {
  it("sets only transaction-local settings and never the role", () => {
    const preamble = buildPreamble({
      schema: "t_0123456789ab_api",
      claims: { sub: "u1", role: "authenticated" },
      method: "GET",
      path: "/notes",
      headers: { "x-request-id": "r1" },
      statementTimeoutMs: 5000,
    });
    expect(preamble.text).not.toMatch(/'role'/);
    // Every set_config is transaction-local: 5 request settings, the plan's statement timeout, and the emptied
    // response.status/headers.
    expect(preamble.text.match(/set_config\(/g)).toHaveLength(8);
    expect(preamble.text.match(/, true\)/g)).toHaveLength(8);
    expect(preamble.values).toEqual([
      '"t_0123456789ab_api"',
      '{"sub":"u1","role":"authenticated"}',
      "GET",
      "/notes",
      '{"x-request-id":"r1"}',
      "5000",
    ]);
  });
});
