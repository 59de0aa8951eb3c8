import { LruMap } from "./lru";
import type { SchemaSnapshot } from "./types";

export type SchemaLoader = () => Promise<SchemaSnapshot>;

/** Reloads per schema per second that requests naming something unknown may cause (SchemaCacheOptions). */
export const DEFAULT_MISS_RELOADS_PER_INTERVAL = 3;

export type SchemaCacheOptions = {
  /** How many tenant schemas stay cached; the least recently used is dropped past this. */
  maxSchemas?: number;
  /**
   * Reloads of one schema triggered by requests naming something it lacks are limited to
   * `missReloadsPerInterval` (default 3) per `missReloadIntervalMs` (default 1 s). Without a bound a client could
   * turn every request into a catalog query by asking for tables that do not exist; with only one per interval, a
   * request right after a push that added a column could be refused because an earlier miss used the interval up
   * while the push's NOTIFY was still on its way.
   */
  missReloadIntervalMs?: number;
  missReloadsPerInterval?: number;
};

/**
 * Per-schema snapshots of the catalog, loaded lazily by the first request (on that tenant's own connection)
 * and dropped on NOTIFY. Concurrent requests for a cold schema share one load.
 */
export class SchemaCache {
  private readonly snapshots: LruMap<string, SchemaSnapshot>;
  private readonly loading = new Map<string, Promise<SchemaSnapshot>>();
  /** Per schema, when its recent miss reloads started (at most missReloadsPerInterval of them). */
  private readonly missReloads = new LruMap<string, number[]>(10_000);
  private readonly missReloadIntervalMs: number;
  private readonly missReloadsPerInterval: number;

  constructor(options: SchemaCacheOptions = {}) {
    this.snapshots = new LruMap(options.maxSchemas ?? 5_000);
    this.missReloadIntervalMs = options.missReloadIntervalMs ?? 1_000;
    this.missReloadsPerInterval = Math.max(1, options.missReloadsPerInterval ?? DEFAULT_MISS_RELOADS_PER_INTERVAL);
  }

  get(schema: string, load: SchemaLoader): Promise<SchemaSnapshot> {
    const cached = this.snapshots.get(schema);
    if (cached) return Promise.resolve(cached);
    return this.loading.get(schema) ?? this.startLoad(schema, load);
  }

  /**
   * Reloads a schema because a request named something it does not contain (a missed NOTIFY); returns null
   * when that was done too recently, so the caller answers from what it has.
   */
  reloadAfterMiss(schema: string, load: SchemaLoader): Promise<SchemaSnapshot> | null {
    const now = Date.now();
    const recent = (this.missReloads.get(schema) ?? []).filter((at) => now - at < this.missReloadIntervalMs);
    if (recent.length >= this.missReloadsPerInterval) return null;
    this.missReloads.set(schema, [...recent, now]);
    this.invalidate(schema);
    return this.get(schema, load);
  }

  /** Forgets one schema; a load in flight is not stored, so the next request reads the catalog again. */
  invalidate(schema: string): void {
    this.snapshots.delete(schema);
    this.loading.delete(schema);
  }

  invalidateAll(): void {
    this.snapshots.clear();
    this.loading.clear();
  }

  private startLoad(schema: string, load: SchemaLoader): Promise<SchemaSnapshot> {
    const promise = load().then(
      (snapshot) => {
        if (this.loading.get(schema) === promise) {
          this.loading.delete(schema);
          this.snapshots.set(schema, snapshot);
        }
        return snapshot;
      },
      (error: unknown) => {
        if (this.loading.get(schema) === promise) this.loading.delete(schema);
        throw error;
      },
    );
    this.loading.set(schema, promise);
    return promise;
  }
}
