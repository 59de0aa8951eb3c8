import { describe, expect, it } from "vitest";
import { LruMap } from "./lru";
import { parseReloadPayload } from "./reload-payload";
import { SchemaCache } from "./schema-cache";
import type { SchemaSnapshot } from "./types";

const snapshot = (schema: string, tables: string[]): SchemaSnapshot => ({
  schema,
  loadedAt: Date.now(),
  tables: new Map(tables.map((name) => [name, { schema, name, kind: "table", columns: new Map() }])),
  functions: new Map(),
  relationships: [],
});

describe("LruMap", () => {
  it("evicts the least recently used entry past its capacity", () => {
    const lru = new LruMap<string, number>(2);
    lru.set("a", 1);
    lru.set("b", 2);
    lru.get("a");
    lru.set("c", 3);
    expect([lru.get("a"), lru.get("b"), lru.get("c")]).toEqual([1, undefined, 3]);
  });
});

describe("SchemaCache", () => {
  it("shares one load between concurrent requests and serves it from memory afterwards", async () => {
    const cache = new SchemaCache();
    let loads = 0;
    const load = async () => {
      loads += 1;
      return snapshot("s", ["notes"]);
    };
    const [a, b] = await Promise.all([cache.get("s", load), cache.get("s", load)]);
    expect(a).toBe(b);
    await cache.get("s", load);
    expect(loads).toBe(1);
  });

  it("reloads one schema on invalidate and all on invalidateAll", async () => {
    const cache = new SchemaCache();
    let version = 0;
    const load = (schema: string) => async () => snapshot(schema, [`v${(version += 1)}`]);
    await cache.get("a", load("a"));
    await cache.get("b", load("b"));
    cache.invalidate("a");
    expect([...(await cache.get("a", load("a"))).tables.keys()]).toEqual(["v3"]);
    expect([...(await cache.get("b", load("b"))).tables.keys()]).toEqual(["v2"]);
    cache.invalidateAll();
    expect([...(await cache.get("b", load("b"))).tables.keys()]).toEqual(["v4"]);
  });

  it("throttles reloads triggered by unknown names so they cannot become a catalog-query flood", async () => {
    const cache = new SchemaCache({ missReloadIntervalMs: 60_000 });
    const load = async () => snapshot("s", []);
    await cache.get("s", load);
    // A few per interval (a miss just before a push must not use up the reload the push's first request needs).
    for (let i = 0; i < 3; i++) expect(cache.reloadAfterMiss("s", load)).not.toBeNull();
    expect(cache.reloadAfterMiss("s", load)).toBeNull();
    expect(cache.reloadAfterMiss("other", load)).not.toBeNull();
  });

  it("allows miss reloads again once the interval has passed", async () => {
    const cache = new SchemaCache({ missReloadIntervalMs: 20, missReloadsPerInterval: 1 });
    const load = async () => snapshot("s", []);
    expect(cache.reloadAfterMiss("s", load)).not.toBeNull();
    expect(cache.reloadAfterMiss("s", load)).toBeNull();
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(cache.reloadAfterMiss("s", load)).not.toBeNull();
  });

  it("does not store a load that was invalidated while in flight", async () => {
    const cache = new SchemaCache();
    let release: () => void = () => undefined;
    const slow = () => new Promise<SchemaSnapshot>((resolve) => (release = () => resolve(snapshot("s", ["old"]))));
    const pending = cache.get("s", slow);
    cache.invalidate("s");
    release();
    await pending;
    expect([...(await cache.get("s", async () => snapshot("s", ["new"]))).tables.keys()]).toEqual(["new"]);
  });
});

describe("parseReloadPayload", () => {
  it("reads PostgREST's payloads and Flux's per-schema payload", () => {
    expect(parseReloadPayload("reload schema")).toEqual({ kind: "all" });
    expect(parseReloadPayload("")).toEqual({ kind: "all" });
    expect(parseReloadPayload("reload config")).toEqual({ kind: "ignore" });
    expect(parseReloadPayload("t_0123456789ab_api")).toEqual({ kind: "schema", schema: "t_0123456789ab_api" });
  });
});
