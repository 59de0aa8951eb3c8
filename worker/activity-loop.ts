import type { Redis } from "ioredis";
import type { Database } from "@/lib/db";
import { flushActivity } from "./activity-flush";

/** Issue 4 step 7 asks for a flush every 30–60 s; the gateway's keys live 60 s, so 30 s never misses a window. */
export const ACTIVITY_FLUSH_EVERY_MS = 30_000;

export type ActivityLoop = {
  /** Stops the timer, waits for a running flush, then flushes once more so a deploy loses no window. */
  stop: () => Promise<void>;
};

/**
 * Flushes the gateway's `activity:<tenant>` counters into projects.last_accessed_at on a fixed interval. A tick
 * that finds the previous flush still running is skipped (no overlapping scans); a failed flush is logged and
 * retried on the next tick — the counters are still in Redis until their TTL.
 */
export function startActivityFlushLoop(deps: {
  db: Database;
  redis: Redis;
  everyMs?: number;
  onFlushed?: (tenants: number) => void;
  onError?: (error: unknown) => void;
}): ActivityLoop {
  let running: Promise<void> | undefined;
  const flushOnce = (): Promise<void> =>
    (running ??= flushActivity(deps)
      .then((count) => deps.onFlushed?.(count))
      .catch((error: unknown) => deps.onError?.(error))
      .finally(() => {
        running = undefined;
      }));
  const timer = setInterval(() => void flushOnce(), deps.everyMs ?? ACTIVITY_FLUSH_EVERY_MS);
  return {
    async stop() {
      clearInterval(timer);
      await running;
      await flushOnce();
    },
  };
}
