import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseReadQuery } from "@/rest/parse/parse-read-query";
import { planRead } from "@/rest/plan/plan-read";
import { RestError } from "@/rest/respond/rest-error";
import { filmScope, filmTable } from "@/rest/testing/film-scope";
import { tableInfo } from "@/rest/testing/table-info";
import { buildReadStatement } from "./build-read";

const films = tableInfo("films", [
  ["id", "bigint"],
  ["title", "text"],
  ["meta", "jsonb"],
]);
const OPERATORS = [
  "eq",
  "neq",
  "gt",
  "like",
  "ilike",
  "match",
  "isdistinct",
  "cs",
  "adj",
  "fts(english)",
  "wfts",
  "eq(any)",
  "like(all)",
];
const MARKER = "zq9";

describe("buildReadStatement (property)", () => {
  it("never splices a filter value or JSON key into the SQL text: SQL injection through any operator", () => {
    const value = fc.string().map((text) => `${MARKER}${text}`);
    fc.assert(
      fc.property(
        fc.constantFrom(...OPERATORS),
        value,
        value,
        fc.boolean(),
        (operator, filterValue, jsonKey, inTree) => {
          const key = `meta->"${jsonKey.replace(/["\\]/g, "")}"`;
          const params = inTree
            ? new URLSearchParams([
                ["or", `(title.${operator}."${filterValue.replace(/["\\]/g, (c) => `\\${c}`)}",${key}.eq.1)`],
              ])
            : new URLSearchParams([[key, `${operator}.${filterValue}`]]);
          try {
            const statement = buildReadStatement(planRead(parseReadQuery(params), films, 100));
            expect(statement.text).not.toContain(MARKER);
          } catch (error) {
            if (!(error instanceof RestError) || error.status !== 400) throw error;
          }
        },
      ),
      { numRuns: 1500 },
    );
  });
});

describe("buildReadStatement with embeds (property)", () => {
  const SELECTS = [
    "title,actors(first_name)",
    "id,...directors(last_name)",
    "id,directors!inner(id),actors()",
    "id,roles(character,actors(id))",
  ];
  const PATHS = ["actors", "directors", "roles.actors", "roles"];

  it("never splices an embedded filter value into the SQL text: SQL injection through embedded filters", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...SELECTS),
        fc.constantFrom(...PATHS),
        fc.constantFrom(...OPERATORS),
        fc.string(),
        (select, path, operator, text) => {
          const params = new URLSearchParams([
            ["select", select],
            [`${path}.id`, `${operator}.${MARKER}${text}`],
          ]);
          try {
            const statement = buildReadStatement(
              planRead(parseReadQuery(params), filmTable("films"), 100, { scope: filmScope }),
            );
            expect(statement.text).not.toContain(MARKER);
          } catch (error) {
            if (!(error instanceof RestError) || error.status !== 400) throw error;
          }
        },
      ),
      { numRuns: 800 },
    );
  });

  it("any select grammar against the film schema plans, or answers a PostgREST 4xx/300 error", () => {
    const part = fc.constantFrom(
      "id",
      "title",
      "*",
      "actors",
      "directors",
      "roles",
      "nope",
      "(",
      ")",
      ",",
      "!inner",
      "!left",
      "!roles",
      "...",
      ":",
      "x:",
    );
    fc.assert(
      fc.property(fc.array(part, { maxLength: 16 }), (parts) => {
        try {
          buildReadStatement(
            planRead(parseReadQuery(new URLSearchParams([["select", parts.join("")]])), filmTable("films"), 100, {
              scope: filmScope,
            }),
          );
        } catch (error) {
          if (!(error instanceof RestError) || (error.status !== 400 && error.status !== 300)) throw error;
        }
      }),
      { numRuns: 2000 },
    );
  });
});
