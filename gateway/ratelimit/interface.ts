export type RateLimitResult = {
  allowed: boolean;
  /** Requests left in the current window after this one (never negative). */
  remaining: number;
  /** Seconds until the current window ends and the count starts again. */
  resetSeconds: number;
  /** Set when the counter could not be reached and the request was let through (fail-open); no headers then. */
  failedOpen?: boolean;
};

/**
 * A fixed-window counter per tenant per minute. The in-process implementation serves a single gateway; the
 * Redis one (redis.ts: one Lua INCR + PEXPIRE, fail-open) serves a fleet.
 */
export interface RateLimiter {
  hit(tenantId: string, limit: number): Promise<RateLimitResult>;
}
