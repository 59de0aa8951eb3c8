export type BreakerState = "closed" | "open" | "half-open";

export type CircuitBreaker = {
  /** True when a call may go to Redis now; while open (cooling down) it is false and costs nothing. */
  tryAcquire(): boolean;
  success(): void;
  failure(): void;
  readonly state: BreakerState;
};

/**
 * Opens after `failureThreshold` consecutive failures so a dead or frozen Redis is skipped instead of being waited
 * on by every request. After `cooldownMs` one probe call is let through (half-open): success closes the breaker,
 * failure opens it for another cooldown. Single-threaded, so no locking.
 */
export function createCircuitBreaker(options: {
  failureThreshold: number;
  cooldownMs: number;
  now?: () => number;
  onStateChange?: (state: BreakerState) => void;
}): CircuitBreaker {
  const now = options.now ?? Date.now;
  let state: BreakerState = "closed";
  let consecutiveFailures = 0;
  let openedAt = 0;
  let probeInFlight = false;

  function moveTo(next: BreakerState): void {
    if (next === state) return;
    state = next;
    options.onStateChange?.(next);
  }

  return {
    get state() {
      return state;
    },
    tryAcquire() {
      if (state === "closed") return true;
      if (state === "open") {
        if (now() - openedAt < options.cooldownMs) return false;
        moveTo("half-open");
      }
      if (probeInFlight) return false;
      probeInFlight = true;
      return true;
    },
    success() {
      consecutiveFailures = 0;
      probeInFlight = false;
      moveTo("closed");
    },
    failure() {
      probeInFlight = false;
      consecutiveFailures += 1;
      if (state === "half-open" || consecutiveFailures >= options.failureThreshold) {
        openedAt = now();
        moveTo("open");
      }
    },
  };
}
