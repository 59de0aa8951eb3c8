import { describe, expect, it } from "vitest";
import { TtlLruCache } from "./lru-cache";

describe("TtlLruCache", () => {
  it("forgets entries after their TTL, including cached misses", () => {
    let clock = 0;
    const cache = new TtlLruCache<string | null>({ maxEntries: 10, ttlMs: 5_000, now: () => clock });
    cache.set("a", "A");
    cache.set("unknown", null);
    clock = 4_999;
    expect(cache.get("a")).toEqual({ value: "A" });
    expect(cache.get("unknown")).toEqual({ value: null });
    clock = 5_000;
    expect(cache.get("a")).toBeUndefined();
  });

  it("evicts the least recently used entry when full", () => {
    const cache = new TtlLruCache<number>({ maxEntries: 2, ttlMs: 60_000 });
    cache.set("a", 1);
    cache.set("b", 2);
    cache.get("a");
    cache.set("c", 3);
    expect(cache.get("b")).toBeUndefined();
    expect(cache.get("a")).toEqual({ value: 1 });
    expect(cache.size).toBe(2);
  });
});
