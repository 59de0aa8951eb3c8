import { ExpiringLru } from "@/lib/cache/expiring-lru";

/**
 * A small in-process LRU with one TTL for every entry. Used when there is no Redis (and in front of it when
 * there is).
 */
export class TtlLruCache<V> {
  private readonly entries: ExpiringLru<V>;

  constructor(
    private readonly options: { maxEntries: number; ttlMs: number; now?: () => number; reorderAfterMs?: number },
  ) {
    this.entries = new ExpiringLru<V>({
      maxEntries: options.maxEntries,
      now: options.now,
      reorderAfterMs: options.reorderAfterMs,
    });
  }

  get(key: string): { value: V } | undefined {
    return this.entries.get(key);
  }

  set(key: string, value: V): void {
    this.entries.set(key, value, this.entries.now() + this.options.ttlMs);
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
}
