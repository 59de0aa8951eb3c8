import { describe, expect, it } from "vitest";
import { ExpiringLru } from "./expiring-lru";

const keys = (lru: ExpiringLru<number>, names: string[]) => names.filter((name) => lru.get(name) !== undefined);

describe("ExpiringLru", () => {
  it("evicts the least recently read entry first", () => {
    const clock = { ms: 0 };
    const lru = new ExpiringLru<number>({ maxEntries: 2, now: () => clock.ms });
    lru.set("a", 1, 10_000);
    lru.set("b", 2, 10_000);
    lru.get("a");
    lru.set("c", 3, 10_000);
    expect(keys(lru, ["a", "b", "c"])).toEqual(["a", "c"]);
  });

  it("with reorderAfterMs, moves an entry on read only once per interval, and evicts by that order", () => {
    const clock = { ms: 0 };
    const lru = new ExpiringLru<number>({ maxEntries: 2, now: () => clock.ms, reorderAfterMs: 1_000 });
    lru.set("a", 1, 60_000);
    lru.set("b", 2, 60_000);
    clock.ms = 500;
    lru.get("a"); // read within the interval: "a" stays the oldest
    lru.set("c", 3, 60_000);
    expect(lru.get("a")).toBeUndefined();
    clock.ms = 2_000;
    lru.get("b"); // a second later: "b" moves past "c"
    lru.set("d", 4, 60_000);
    expect(lru.get("c")).toBeUndefined();
    expect(lru.get("b")).toEqual({ value: 2 });
  });

  it("never returns an expired entry, whether or not it is due to move", () => {
    const clock = { ms: 0 };
    const lru = new ExpiringLru<number>({ maxEntries: 10, now: () => clock.ms, reorderAfterMs: 1_000 });
    lru.set("a", 1, 100);
    clock.ms = 100;
    expect(lru.get("a")).toBeUndefined();
    expect(lru.size).toBe(0);
  });
});
