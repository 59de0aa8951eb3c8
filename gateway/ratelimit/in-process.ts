import type { RateLimiter, RateLimitResult } from "./interface";

const WINDOW_MS = 60_000;

/**
 * Counters live in this process only, so limits are per gateway instance. Windows are aligned to the clock
 * minute (as Redis keys `rate:{tenant}:{minute}` will be), and stale windows are swept as tenants come back
 * or when the map grows, so memory stays bounded by the tenants active this minute.
 */
export function createInProcessRateLimiter(options: { now?: () => number; sweepAbove?: number } = {}): RateLimiter {
  const now = options.now ?? Date.now;
  const sweepAbove = options.sweepAbove ?? 10_000;
  const windows = new Map<string, { windowStart: number; count: number }>();

  function sweep(currentWindow: number): void {
    for (const [tenantId, window] of windows) {
      if (window.windowStart !== currentWindow) windows.delete(tenantId);
    }
  }

  return {
    async hit(tenantId, limit): Promise<RateLimitResult> {
      const at = now();
      const windowStart = at - (at % WINDOW_MS);
      if (windows.size > sweepAbove) sweep(windowStart);
      let window = windows.get(tenantId);
      if (!window || window.windowStart !== windowStart) {
        window = { windowStart, count: 0 };
        windows.set(tenantId, window);
      }
      window.count += 1;
      return {
        allowed: window.count <= limit,
        remaining: Math.max(0, limit - window.count),
        resetSeconds: Math.max(1, Math.ceil((windowStart + WINDOW_MS - at) / 1000)),
      };
    },
  };
}
