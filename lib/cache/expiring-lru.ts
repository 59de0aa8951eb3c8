export type ExpiringLruOptions = {
  maxEntries: number;
  now?: () => number;
  /**
   * A read moves its entry to the most recent end only if it was last moved at least this long ago (default 0:
   * every read). Hot caches set ~1 s: an entry read thousands of times a second is then re-inserted once a second
   * instead of on every read, and eviction order is least recently used to within that interval.
   */
  reorderAfterMs?: number;
};

/**
 * An in-process LRU whose entries each carry their own expiry: Map keeps insertion order, so re-inserting on
 * read makes the first key the least recently used one, evicted first past maxEntries.
 */
export class ExpiringLru<V> {
  private readonly entries = new Map<string, { value: V; expiresAtMs: number; movedAtMs: number }>();

  constructor(private readonly options: ExpiringLruOptions) {}

  get(key: string): { value: V } | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    const now = this.now();
    if (entry.expiresAtMs <= now) {
      this.entries.delete(key);
      return undefined;
    }
    if (now - entry.movedAtMs >= (this.options.reorderAfterMs ?? 0)) {
      this.entries.delete(key);
      entry.movedAtMs = now;
      this.entries.set(key, entry);
    }
    return { value: entry.value };
  }

  set(key: string, value: V, expiresAtMs: number): void {
    this.entries.delete(key);
    this.entries.set(key, { value, expiresAtMs, movedAtMs: this.now() });
    while (this.entries.size > this.options.maxEntries) {
      const oldest = this.entries.keys().next();
      if (oldest.done) break;
      this.entries.delete(oldest.value);
    }
  }

  delete(key: string): void {
    this.entries.delete(key);
  }

  clear(): void {
    this.entries.clear();
  }

  get size(): number {
    return this.entries.size;
  }

  now(): number {
    return this.options.now ? this.options.now() : Date.now();
  }
}
