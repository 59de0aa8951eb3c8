import { createHash } from "node:crypto";
import type { Redis } from "ioredis";
import type { RedisGuard } from "../redis/guard";
import type { RateLimiter, RateLimitResult } from "./interface";

const WINDOW_MS = 60_000;
/** Keys outlive their window a little so a slow clock on one gateway never restarts a window early. */
const EXPIRY_SLACK_MS = 5_000;
/** Leases are at most this many places (FLUX_GATEWAY_RATE_LIMIT_LEASE_MAX), and at most 1 % of the limit (decision 0032). */
const MAX_LEASE = 100;

// One round trip takes `ARGV[2]` places in the window, and gives a new window its expiry in the same atomic
// step. The key is new exactly when the total equals the places taken.
const HIT_SCRIPT = `
local count = redis.call('INCRBY', KEYS[1], ARGV[2])
if count == tonumber(ARGV[2]) then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
return count`;
const HIT_SHA = createHash("sha1").update(HIT_SCRIPT).digest("hex");

/** `rate:{tenant}:<window start, unix seconds>` — the braces are a cluster hash tag, so one tenant stays on one slot. */
export const rateKey = (tenantId: string, windowStartMs: number): string =>
  `rate:{${tenantId}}:${Math.floor(windowStartMs / 1000)}`;

/** Places a gateway takes at once: 1 (exact, one call per request) up to 100 for limits of 10,000 and more. */
export const leaseSize = (limit: number, maxLease = MAX_LEASE): number =>
  Math.max(1, Math.min(maxLease, Math.floor(limit / 100)));

async function takePlaces(redis: Redis, key: string, ttlMs: number, places: number): Promise<number> {
  try {
    return Number(await redis.evalsha(HIT_SHA, 1, key, ttlMs, places));
  } catch (error) {
    // A restarted or flushed Redis forgot the script: send the body once, which also caches it again.
    if (!(error instanceof Error) || !error.message.startsWith("NOSCRIPT")) throw error;
    return Number(await redis.eval(HIT_SCRIPT, 1, key, ttlMs, places));
  }
}

type Waiter = { limit: number; resolve: (result: RateLimitResult) => void };
type Batch = { key: string; windowStart: number; ttlMs: number; resetSeconds: number; waiters: Waiter[] };
/** Places `next..last` of a window that this gateway took from Redis and has not handed out yet. */
type Lease = { key: string; next: number; last: number };

/**
 * Fixed window per tenant per clock minute, shared by every gateway instance. Each request gets its own place
 * (position) in the window, and a place is counted in Redis before it is handed out, so the fleet never lets
 * more than the limit through. To spare round trips, a gateway takes places in small leases (`leaseSize`: one
 * place for limits under 200, so small plans are counted request by request), hits arriving in the same turn of
 * the event loop share one call, and a window already past its limit is refused without asking again. Places
 * leased but unused when the window ends are lost: other instances may be refused up to `leaseSize` requests
 * early per instance. When Redis cannot answer within the guard's bounds the request is allowed (fail-open,
 * architecture §7) and the guard counts why, once per request.
 */
export function createRedisRateLimiter(
  guard: RedisGuard,
  options: { now?: () => number; maxLease?: number } = {},
): RateLimiter {
  const now = options.now ?? Date.now;
  const maxLease = options.maxLease ?? MAX_LEASE;
  const leases = new Map<string, Lease>();
  let pending = new Map<string, Batch>();

  const placed = (position: number, limit: number, resetSeconds: number): RateLimitResult => ({
    allowed: position <= limit,
    remaining: Math.max(0, limit - position),
    resetSeconds,
  });

  async function send(tenantId: string, batch: Batch): Promise<void> {
    const wanted = batch.waiters.length;
    const places = Math.max(wanted, leaseSize(Math.max(...batch.waiters.map((w) => w.limit)), maxLease));
    const counted = await guard.run("ratelimit", (redis) => takePlaces(redis, batch.key, batch.ttlMs, places), wanted);
    if (!counted.ok) {
      for (const waiter of batch.waiters) {
        waiter.resolve({ allowed: true, remaining: waiter.limit, resetSeconds: batch.resetSeconds, failedOpen: true });
      }
      return;
    }
    const first = counted.value - places + 1;
    batch.waiters.forEach((waiter, index) => waiter.resolve(placed(first + index, waiter.limit, batch.resetSeconds)));
    if (leases.size > 10_000) sweep(batch.windowStart);
    // What is left (or, for a full window, the fact that it is full) serves the next requests of this window.
    leases.set(tenantId, { key: batch.key, next: first + wanted, last: counted.value });
  }

  function sweep(windowStart: number): void {
    const current = `:${Math.floor(windowStart / 1000)}`;
    for (const [tenantId, lease] of leases) if (!lease.key.endsWith(current)) leases.delete(tenantId);
  }

  function flush(): void {
    const batches = pending;
    pending = new Map();
    for (const [tenantId, batch] of batches) void send(tenantId, batch);
  }

  return {
    hit(tenantId, limit): Promise<RateLimitResult> {
      const at = now();
      const windowStart = at - (at % WINDOW_MS);
      const windowEnd = windowStart + WINDOW_MS;
      const key = rateKey(tenantId, windowStart);
      const resetSeconds = Math.max(1, Math.ceil((windowEnd - at) / 1000));
      const lease = leases.get(tenantId);
      if (lease?.key === key) {
        if (lease.next <= lease.last) return Promise.resolve(placed(lease.next++, limit, resetSeconds));
        // Every place up to the last one taken is gone; a window past the limit stays past it until it ends.
        if (lease.last >= limit) return Promise.resolve(placed(lease.last + 1, limit, resetSeconds));
      }
      return new Promise((resolve) => {
        let batch = pending.get(tenantId);
        if (!batch || batch.key !== key) {
          if (batch) void send(tenantId, batch);
          if (pending.size === 0) setImmediate(flush);
          batch = { key, windowStart, ttlMs: windowEnd - at + EXPIRY_SLACK_MS, resetSeconds, waiters: [] };
          pending.set(tenantId, batch);
        }
        batch.waiters.push({ limit, resolve });
      });
    },
  };
}
