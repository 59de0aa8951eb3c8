import { describe, expect, it } from "vitest";
import { TokenCache } from "./token-cache";

describe("TokenCache", () => {
  it("forgets an entry at its expiry", () => {
    let now = 1_000;
    const cache = new TokenCache<string>({ maxEntries: 10, maxTokenLength: 100, now: () => now });
    cache.set("t", "v", 2_000);
    expect(cache.get("t")).toBe("v");
    now = 2_000;
    expect(cache.get("t")).toBeUndefined();
    expect(cache.size).toBe(0);
  });

  it("evicts the least recently used entry past maxEntries", () => {
    const cache = new TokenCache<number>({ maxEntries: 2, maxTokenLength: 100 });
    const later = Date.now() + 60_000;
    cache.set("a", 1, later);
    cache.set("b", 2, later);
    cache.get("a");
    cache.set("c", 3, later);
    expect([cache.get("a"), cache.get("b"), cache.get("c")]).toEqual([1, undefined, 3]);
  });

  it("keeps neither long tokens nor already expired ones (bounded memory)", () => {
    const cache = new TokenCache<number>({ maxEntries: 10, maxTokenLength: 8 });
    cache.set("x".repeat(9), 1, Date.now() + 60_000);
    cache.set("short", 2, Date.now() - 1);
    expect(cache.size).toBe(0);
  });
});
