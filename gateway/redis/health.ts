import type { BreakerState } from "./circuit-breaker";

/** What touched Redis on the request path. */
export type RedisUse = "ratelimit" | "directory" | "activity";

/**
 * Why a call went without Redis: `breaker-open` (skipped, costs nothing), `unavailable` (not connected; ioredis
 * refuses at once because the offline queue is off), `timeout` (no answer within the command timeout), `error`.
 */
export type FailOpenReason = "breaker-open" | "unavailable" | "timeout" | "error";

export type RedisEvent =
  | { type: "fail-open"; use: RedisUse; reason: FailOpenReason; requests: number }
  | { type: "breaker"; state: BreakerState };

/** Read side for metrics and /readyz: counters since start and the breaker's state. */
export interface RedisHealth {
  breakerState(): BreakerState;
  /** Requests (or recorded activity counts) that went on without Redis, per use and reason, since start. */
  failOpenCounts(): Record<RedisUse, Record<FailOpenReason, number>>;
  /** Called synchronously on every event; returns an unsubscribe function. Listeners must not throw. */
  onEvent(listener: (event: RedisEvent) => void): () => void;
}

const zeroCounts = (): Record<FailOpenReason, number> => ({ "breaker-open": 0, unavailable: 0, timeout: 0, error: 0 });

/** The writable twin of RedisHealth, held by the guard. */
export function createRedisHealth(breakerState: () => BreakerState) {
  const counts: Record<RedisUse, Record<FailOpenReason, number>> = {
    ratelimit: zeroCounts(),
    directory: zeroCounts(),
    activity: zeroCounts(),
  };
  const listeners = new Set<(event: RedisEvent) => void>();
  const emit = (event: RedisEvent) => {
    for (const listener of listeners) listener(event);
  };
  const health: RedisHealth = {
    breakerState,
    failOpenCounts: () => structuredClone(counts),
    onEvent(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
  return {
    health,
    /** `requests`: how many requests one failed call stood for (the limiter sends one call per batch). */
    failedOpen(use: RedisUse, reason: FailOpenReason, requests = 1) {
      counts[use][reason] += requests;
      emit({ type: "fail-open", use, reason, requests });
    },
    breakerChanged(state: BreakerState) {
      emit({ type: "breaker", state });
    },
  };
}
