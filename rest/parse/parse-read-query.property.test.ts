import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { RestError } from "@/rest/respond/rest-error";
import { parseReadQuery } from "./parse-read-query";

/** Characters that matter to the grammar, so generated strings hit its edges rather than plain text. */
const GRAMMAR_CHARS = [..."abcxyz019_.,()\"\\:*-> {}!;=&%'$ \t"].concat([
  "not.",
  "or(",
  "and(",
  "eq.",
  "in.(",
  "is.",
  "->>",
  "::",
  "(any)",
  "fts(english).",
  "...",
  "!inner",
  "!left",
  "a(",
  "a!b(",
]);
const grammarString = fc.array(fc.constantFrom(...GRAMMAR_CHARS), { maxLength: 40 }).map((parts) => parts.join(""));
const key = fc.oneof(
  fc.constantFrom(
    "select",
    "order",
    "limit",
    "offset",
    "or",
    "and",
    "not.or",
    "a.or",
    "a.order",
    "a.limit",
    "a.offset",
    "a.b.order",
    "id",
    "data->a",
    "a.b",
  ),
  grammarString,
);

function outcome(query: URLSearchParams): "parsed" | "refused" {
  try {
    parseReadQuery(query);
    return "parsed";
  } catch (error) {
    if (error instanceof RestError && error.status === 400 && error.code === "PGRST100") return "refused";
    throw error;
  }
}

describe("parseReadQuery (property)", () => {
  it("either parses or answers 400 PGRST100 for any grammar-shaped query string", () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(key, grammarString), { maxLength: 6 }), (pairs) => {
        expect(["parsed", "refused"]).toContain(outcome(new URLSearchParams(pairs)));
      }),
      { numRuns: 3000 },
    );
  });

  it("either parses or answers 400 PGRST100 for arbitrary unicode keys and values", () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.string(), fc.string()), { maxLength: 5 }), (pairs) => {
        expect(["parsed", "refused"]).toContain(outcome(new URLSearchParams(pairs)));
      }),
      { numRuns: 2000 },
    );
  });

  it("round-trips any quoted in. item, commas, parens, quotes and backslashes included", () => {
    fc.assert(
      fc.property(fc.string(), (item) => {
        const quoted = `"${item.replace(/[\\"]/g, (c) => `\\${c}`)}"`;
        const query = parseReadQuery(new URLSearchParams([["a", `in.(${quoted},x)`]]));
        expect(query.filters[0]).toMatchObject({ operator: "in", values: [item, "x"] });
      }),
    );
  });
});
