import { describe, expect, it } from "vitest";
import { parseReturnPreference } from "./parse-prefer";
import { parseTablePath } from "./parse-path";

describe("parseReturnPreference", () => {
  it("is minimal unless representation or headers-only is asked for", () => {
    expect(parseReturnPreference(undefined)).toBe("minimal");
    expect(parseReturnPreference("return=representation")).toBe("representation");
    expect(parseReturnPreference("count=exact, return=headers-only")).toBe("headers-only");
    expect(parseReturnPreference(["tx=commit", "return=representation"])).toBe("representation");
    expect(parseReturnPreference("return=everything")).toBe("minimal");
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
