import { ExpiringLru } from "@/lib/cache/expiring-lru";

/**
 * Verified tokens by their exact string, each until its own expiry, least recently used evicted first. It holds
 * only what a full verification already accepted; a miss, an expired entry or a rejected hit always falls back
 * to full verification. Reasoning (replay, rotation, revocation): docs/decisions/0019-verified-token-caches.md.
 */
export class TokenCache<V> {
  private readonly entries: ExpiringLru<V>;

  constructor(
    private readonly options: {
      maxEntries: number;
      maxTokenLength: number;
      now?: () => number;
      reorderAfterMs?: number;
    },
  ) {
    if (!Number.isInteger(options.maxEntries) || options.maxEntries < 0) {
      throw new Error(`TokenCache maxEntries must be a non-negative integer, got ${options.maxEntries}`);
    }
    this.entries = new ExpiringLru<V>({
      maxEntries: options.maxEntries,
      now: options.now,
      reorderAfterMs: options.reorderAfterMs,
    });
  }

  get(token: string): V | undefined {
    return this.entries.get(token)?.value;
  }

  /** Long tokens are not kept: the cache's memory stays bounded by maxEntries × maxTokenLength. */
  set(token: string, value: V, expiresAtMs: number): void {
    if (token.length > this.options.maxTokenLength || this.options.maxEntries === 0) return;
    if (!(expiresAtMs > this.entries.now())) return;
    this.entries.set(token, value, expiresAtMs);
  }

  get size(): number {
    return this.entries.size;
  }
}
