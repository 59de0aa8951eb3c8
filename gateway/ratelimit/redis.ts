import { createHash } from "node:crypto";
import type { Redis } from "ioredis";
import type { RedisGuard } from "../redis/guard";
import type { RateLimiter, RateLimitResult } from "./interface";

const WINDOW_MS = 60_000;
/** Keys outlive their window a little so a slow clock on one gateway never restarts a window early. */
const EXPIRY_SLACK_MS = 5_000;

// One round trip counts every request of a batch, and gives a new window its expiry in the same atomic step.
// The key is new exactly when the total equals this batch's size.
const HIT_SCRIPT = `
local count = redis.call('INCRBY', KEYS[1], ARGV[2])
if count == tonumber(ARGV[2]) then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
return count`;
const HIT_SHA = createHash("sha1").update(HIT_SCRIPT).digest("hex");

/** `rate:{tenant}:<window start, unix seconds>` — the braces are a cluster hash tag, so one tenant stays on one slot. */
export const rateKey = (tenantId: string, windowStartMs: number): string =>
  `rate:{${tenantId}}:${Math.floor(windowStartMs / 1000)}`;

async function countHits(redis: Redis, key: string, ttlMs: number, hits: number): Promise<number> {
  try {
    return Number(await redis.evalsha(HIT_SHA, 1, key, ttlMs, hits));
  } catch (error) {
    // A restarted or flushed Redis forgot the script: send the body once, which also caches it again.
    if (!(error instanceof Error) || !error.message.startsWith("NOSCRIPT")) throw error;
    return Number(await redis.eval(HIT_SCRIPT, 1, key, ttlMs, hits));
  }
}

type Waiter = { limit: number; resolve: (result: RateLimitResult) => void };
type Batch = { key: string; ttlMs: number; resetSeconds: number; waiters: Waiter[] };

/**
 * Fixed window per tenant per clock minute, shared by every gateway instance. Hits that arrive in the same turn
 * of the event loop are counted together — one INCRBY per tenant and window — and each request then gets its
 * own position in the window, so enforcement stays exact while a busy gateway sends a fraction of the round
 * trips. When Redis cannot answer within the guard's bounds the request is allowed (fail-open, architecture §7)
 * and the guard counts why, once per request.
 */
export function createRedisRateLimiter(guard: RedisGuard, options: { now?: () => number } = {}): RateLimiter {
  const now = options.now ?? Date.now;
  let pending = new Map<string, Batch>();

  async function send(batch: Batch): Promise<void> {
    const hits = batch.waiters.length;
    const counted = await guard.run("ratelimit", (redis) => countHits(redis, batch.key, batch.ttlMs, hits), hits);
    if (!counted.ok) {
      for (const waiter of batch.waiters) {
        waiter.resolve({ allowed: true, remaining: waiter.limit, resetSeconds: batch.resetSeconds, failedOpen: true });
      }
      return;
    }
    const first = counted.value - hits + 1;
    batch.waiters.forEach((waiter, index) => {
      const position = first + index;
      waiter.resolve({
        allowed: position <= waiter.limit,
        remaining: Math.max(0, waiter.limit - position),
        resetSeconds: batch.resetSeconds,
      });
    });
  }

  function flush(): void {
    const batches = pending;
    pending = new Map();
    for (const batch of batches.values()) void send(batch);
  }

  return {
    hit(tenantId, limit): Promise<RateLimitResult> {
      const at = now();
      const windowStart = at - (at % WINDOW_MS);
      const windowEnd = windowStart + WINDOW_MS;
      const key = rateKey(tenantId, windowStart);
      return new Promise((resolve) => {
        let batch = pending.get(key);
        if (!batch) {
          if (pending.size === 0) setImmediate(flush);
          batch = {
            key,
            ttlMs: windowEnd - at + EXPIRY_SLACK_MS,
            resetSeconds: Math.max(1, Math.ceil((windowEnd - at) / 1000)),
            waiters: [],
          };
          pending.set(key, batch);
        }
        batch.waiters.push({ limit, resolve });
      });
    },
  };
}
