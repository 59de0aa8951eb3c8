import type { Redis } from "ioredis";
import { createCircuitBreaker } from "./circuit-breaker";
import { createRedisHealth, type FailOpenReason, type RedisHealth, type RedisUse } from "./health";

export type Guarded<T> = { ok: true; value: T } | { ok: false; reason: FailOpenReason };

/** Every request-path use of Redis goes through `run`, which never throws and never waits past the timeout. */
export type RedisGuard = {
  readonly redis: Redis;
  readonly health: RedisHealth;
  /** `requests`: how many requests this call answers for, so fail-open counts stay per request when batched. */
  run<T>(use: RedisUse, op: (redis: Redis) => Promise<T>, requests?: number): Promise<Guarded<T>>;
};

export function createRedisGuard(
  redis: Redis,
  options: { failureThreshold: number; cooldownMs: number; now?: () => number },
): RedisGuard {
  let onBreakerChange: (state: "closed" | "open" | "half-open") => void = () => {};
  const breaker = createCircuitBreaker({ ...options, onStateChange: (state) => onBreakerChange(state) });
  const recorder = createRedisHealth(() => breaker.state);
  onBreakerChange = recorder.breakerChanged;

  function failOpen<T>(use: RedisUse, reason: FailOpenReason, requests: number): Guarded<T> {
    recorder.failedOpen(use, reason, requests);
    return { ok: false, reason };
  }

  return {
    redis,
    health: recorder.health,
    async run(use, op, requests = 1) {
      if (!breaker.tryAcquire()) return failOpen(use, "breaker-open", requests);
      if (redis.status !== "ready") {
        breaker.failure();
        return failOpen(use, "unavailable", requests);
      }
      try {
        const value = await op(redis);
        breaker.success();
        return { ok: true, value };
      } catch (error) {
        breaker.failure();
        return failOpen(use, classify(error), requests);
      }
    },
  };
}

function classify(error: unknown): FailOpenReason {
  const message = error instanceof Error ? error.message : String(error);
  if (/timed out/i.test(message)) return "timeout";
  // "max retries": in flight when the connection dropped (maxRetriesPerRequest is 0).
  if (/writeable|closed|ECONNRE|EPIPE|max retries/i.test(message)) return "unavailable";
  return "error";
}
