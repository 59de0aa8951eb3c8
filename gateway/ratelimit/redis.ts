import { createHash } from "node:crypto";
import type { Redis } from "ioredis";
import type { RedisGuard } from "../redis/guard";
import type { RateLimiter, RateLimitResult } from "./interface";

const WINDOW_MS = 60_000;
/** Keys outlive their window a little so a slow clock on one gateway never restarts a window early. */
const EXPIRY_SLACK_MS = 5_000;

// One round trip per check: count, and give a new window its expiry in the same atomic step.
const HIT_SCRIPT = `
local count = redis.call('INCR', KEYS[1])
if count == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
return count`;
const HIT_SHA = createHash("sha1").update(HIT_SCRIPT).digest("hex");

/** `rate:{tenant}:<window start, unix seconds>` — the braces are a cluster hash tag, so one tenant stays on one slot. */
export const rateKey = (tenantId: string, windowStartMs: number): string =>
  `rate:{${tenantId}}:${Math.floor(windowStartMs / 1000)}`;

async function countHit(redis: Redis, key: string, ttlMs: number): Promise<number> {
  try {
    return Number(await redis.evalsha(HIT_SHA, 1, key, ttlMs));
  } catch (error) {
    // A restarted or flushed Redis forgot the script: send the body once, which also caches it again.
    if (!(error instanceof Error) || !error.message.startsWith("NOSCRIPT")) throw error;
    return Number(await redis.eval(HIT_SCRIPT, 1, key, ttlMs));
  }
}

/**
 * Fixed window per tenant per clock minute, shared by every gateway instance. When Redis cannot answer within
 * the guard's bounds the request is allowed (fail-open, architecture §7) and the guard counts why.
 */
export function createRedisRateLimiter(guard: RedisGuard, options: { now?: () => number } = {}): RateLimiter {
  const now = options.now ?? Date.now;
  return {
    async hit(tenantId, limit): Promise<RateLimitResult> {
      const at = now();
      const windowStart = at - (at % WINDOW_MS);
      const windowEnd = windowStart + WINDOW_MS;
      const resetSeconds = Math.max(1, Math.ceil((windowEnd - at) / 1000));
      const counted = await guard.run("ratelimit", (redis) =>
        countHit(redis, rateKey(tenantId, windowStart), windowEnd - at + EXPIRY_SLACK_MS),
      );
      if (!counted.ok) return { allowed: true, remaining: limit, resetSeconds, failedOpen: true };
      return { allowed: counted.value <= limit, remaining: Math.max(0, limit - counted.value), resetSeconds };
    },
  };
}
