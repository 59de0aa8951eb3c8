import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseReadQuery } from "@/rest/parse/parse-read-query";
import { planRead } from "@/rest/plan/plan-read";
import { RestError } from "@/rest/respond/rest-error";
import { tableInfo } from "@/rest/testing/table-info";
import { buildReadStatement } from "./build-read";

const films = tableInfo("films", [["id", "bigint"], ["title", "text"], ["meta", "jsonb"]]);
const OPERATORS = ["eq", "neq", "gt", "like", "ilike", "match", "isdistinct", "cs", "adj", "fts(english)", "wfts", "eq(any)", "like(all)"];
const MARKER = "zq9";

describe("buildReadStatement (property)", () => {
  it("never splices a filter value or JSON key into the SQL text: SQL injection through any operator", () => {
    const value = fc.string().map((text) => `${MARKER}${text}`);
    fc.assert(
      fc.property(fc.constantFrom(...OPERATORS), value, value, fc.boolean(), (operator, filterValue, jsonKey, inTree) => {
        const key = `meta->"${jsonKey.replace(/["\\]/g, "")}"`;
        const params = inTree
          ? new URLSearchParams([["or", `(title.${operator}."${filterValue.replace(/["\\]/g, (c) => `\\${c}`)}",${key}.eq.1)`]])
          : new URLSearchParams([[key, `${operator}.${filterValue}`]]);
        try {
          const statement = buildReadStatement(planRead(parseReadQuery(params), films, 100));
          expect(statement.text).not.toContain(MARKER);
        } catch (error) {
          if (!(error instanceof RestError) || error.status !== 400) throw error;
        }
      }),
      { numRuns: 1500 },
    );
  });
});
