import { describe, expect, it } from "vitest";
import { assertPreferencesAccepted, parsePreferences, parseReturnPreference } from "./parse-prefer";
import { parseTablePath } from "./parse-path";

describe("parsePreferences", () => {
  it("reads every preference from one or several headers, the first occurrence winning", () => {
    const preferences = parsePreferences([
      "count=exact,    tx=commit   ,return=representation",
      "missing=default, tx=rollback",
    ]);
    expect(preferences).toMatchObject({
      count: "exact",
      tx: "commit",
      return: "representation",
      missing: "default",
      invalid: [],
    });
    expect(parsePreferences("resolution=ignore-duplicates, resolution=merge-duplicates").resolution).toBe(
      "ignore-duplicates",
    );
    expect(parsePreferences("max-affected=5, params=single-object")).toMatchObject({
      maxAffected: 5,
      params: "single-object",
      invalid: [],
    });
  });

  it("collects what it does not recognise, and refuses it only with handling=strict (PGRST122)", () => {
    const lenient = parsePreferences("return=everything, anything");
    expect(lenient.return).toBeNull();
    expect(lenient.invalid).toEqual(["return=everything", "anything"]);
    expect(() => assertPreferencesAccepted(lenient)).not.toThrow();
    expect(() => assertPreferencesAccepted(parsePreferences(["handling=strict", "something, else"]))).toThrowError(
      expect.objectContaining({ status: 400, code: "PGRST122", details: "Invalid preferences: something, else" }),
    );
  });

  it("keeps parseReturnPreference: minimal unless representation or headers-only is asked for", () => {
    expect(parseReturnPreference(undefined)).toBe("minimal");
    expect(parseReturnPreference("count=exact, return=headers-only")).toBe("headers-only");
  });
});

describe("parseTablePath", () => {
  it("takes the single path segment, percent-decoded", () => {
    expect(parseTablePath("/notes")).toBe("notes");
    expect(parseTablePath("/my%20notes")).toBe("my notes");
  });

  it("answers 404 PGRST125 for the root, nested paths and /rpc", () => {
    for (const path of ["/", "/a/b", "/rpc/fn", "/rpc"]) {
      expect(() => parseTablePath(path)).toThrowError(expect.objectContaining({ status: 404, code: "PGRST125" }));
    }
  });
});
