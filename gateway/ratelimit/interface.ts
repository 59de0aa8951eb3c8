export type RateLimitResult = {
  allowed: boolean;
  /** Requests left in the current window after this one (never negative). */
  remaining: number;
  /** Seconds until the current window ends and the count starts again. */
  resetSeconds: number;
};

/**
 * A fixed-window counter per tenant per minute. The in-process implementation serves a single gateway; the
 * Redis one (INCR + EXPIRE, fail-open) will implement the same interface for a fleet.
 */
export interface RateLimiter {
  hit(tenantId: string, limit: number): Promise<RateLimitResult>;
}
