import { describe, expect, it } from "vitest";
import { checkSlug } from "./slug";

describe("checkSlug", () => {
  it.each(["demo", "bloom-atelier", "a1b", "x".repeat(40)])("accepts %s", (slug) => {
    expect(checkSlug(slug)).toEqual({ ok: true, slug });
  });

  it.each([
    ["ab", /3 to 40/],
    ["x".repeat(41), /3 to 40/],
    ["Demo", /lower-case/],
    ["1demo", /start with a letter/],
    ["demo-", /end with a hyphen/],
    ["de_mo", /lower-case/],
    ["de--mo", /"--"/],
    ["dé-mo", /lower-case/],
  ])("refuses %s with a message naming the rule", (slug, message) => {
    const result = checkSlug(slug);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toMatch(message);
  });
});
