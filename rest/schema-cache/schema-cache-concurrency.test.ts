import { describe, expect, it } from "vitest";
import { SchemaCache } from "./schema-cache";
import type { SchemaSnapshot } from "./types";

const snapshot = (schema: string, tables: string[]): SchemaSnapshot => ({
  schema,
  loadedAt: Date.now(),
  functions: new Map(),
  relationships: [],
  tables: new Map(tables.map((name) => [name, { schema, name, kind: "table", columns: new Map() }])),
});

/** A load that resolves only when the test says so: a catalog query stuck behind a lock. */
function controlledLoad(schema: string, tables: string[]) {
  let release: () => void = () => undefined;
  let started = 0;
  const load = () => {
    started += 1;
    return new Promise<SchemaSnapshot>((resolve) => (release = () => resolve(snapshot(schema, tables))));
  };
  return { load, release: () => release(), started: () => started };
}

const tableNames = (s: SchemaSnapshot) => [...s.tables.keys()];

describe("SchemaCache under concurrent reloads", () => {
  it("serves other tenants while one tenant's reload is stuck", async () => {
    const cache = new SchemaCache();
    const stuck = controlledLoad("a", ["a1"]);
    const pendingA = cache.get("a", stuck.load);
    const b = await cache.get("b", async () => snapshot("b", ["b1"]));
    expect(tableNames(b)).toEqual(["b1"]);
    cache.invalidate("b");
    expect(tableNames(await cache.get("b", async () => snapshot("b", ["b2"])))).toEqual(["b2"]);
    stuck.release();
    expect(tableNames(await pendingA)).toEqual(["a1"]);
  });

  it("does not lose a NOTIFY that arrives while the schema is loading: the next request reloads", async () => {
    const cache = new SchemaCache();
    const before = controlledLoad("s", ["old"]);
    const inFlight = cache.get("s", before.load);
    cache.invalidate("s"); // NOTIFY pgrst, 's' during the catalog query
    before.release();
    await inFlight;
    let loads = 0;
    const after = await cache.get("s", async () => {
      loads += 1;
      return snapshot("s", ["new"]);
    });
    expect(loads).toBe(1);
    expect(tableNames(after)).toEqual(["new"]);
  });

  it("does not lose a 'reload schema' (all) that arrives while loads are in flight", async () => {
    const cache = new SchemaCache();
    const a = controlledLoad("a", ["a-old"]);
    const b = controlledLoad("b", ["b-old"]);
    const pending = [cache.get("a", a.load), cache.get("b", b.load)];
    cache.invalidateAll();
    a.release();
    b.release();
    await Promise.all(pending);
    expect(tableNames(await cache.get("a", async () => snapshot("a", ["a-new"])))).toEqual(["a-new"]);
    expect(tableNames(await cache.get("b", async () => snapshot("b", ["b-new"])))).toEqual(["b-new"]);
  });

  it("never lets an older load that finishes last overwrite the newer snapshot", async () => {
    const cache = new SchemaCache();
    const older = controlledLoad("s", ["older"]);
    const olderPending = cache.get("s", older.load);
    cache.invalidate("s");
    const newer = await cache.get("s", async () => snapshot("s", ["newer"]));
    older.release();
    await olderPending;
    expect(tableNames(newer)).toEqual(["newer"]);
    let loads = 0;
    const cached = await cache.get("s", async () => {
      loads += 1;
      return snapshot("s", ["unexpected"]);
    });
    expect(loads).toBe(0);
    expect(tableNames(cached)).toEqual(["newer"]);
  });

  it("forgets a failed load so the next request retries instead of caching the failure", async () => {
    const cache = new SchemaCache();
    await expect(cache.get("s", () => Promise.reject(new Error("connection lost")))).rejects.toThrow("connection lost");
    expect(tableNames(await cache.get("s", async () => snapshot("s", ["t"])))).toEqual(["t"]);
  });
});
