import type { RedisGuard } from "../redis/guard";
import type { ActivityRecorder } from "./interface";

/** The key worker/activity-flush.ts scans for (`activity:` + tenant id) and deletes once recorded. */
export const activityKey = (tenantId: string): string => `activity:${tenantId}`;
const TTL_SECONDS = 60;
const DONE = Promise.resolve();

export type BatchedRedisActivity = ActivityRecorder & {
  /** Sends the counts gathered so far (INCRBY + EXPIRE per tenant, one pipelined round trip). */
  flush(): Promise<void>;
  /** Stops the timer and sends what is left. */
  close(): Promise<void>;
};

/**
 * Counts requests per tenant in memory and adds them to `activity:{tenant}` (60 s TTL) once per flush interval,
 * behind the guard: the request path pays a map increment, not a Redis round trip. Lossy by design — counts of a
 * failed flush are dropped (and counted as fail-open); they only delay last_accessed_at, which the worker moves
 * every 30–60 s.
 */
export function createRedisActivity(
  guard: RedisGuard,
  options: { flushIntervalMs?: number; maxTenants?: number } = {},
): BatchedRedisActivity {
  const maxTenants = options.maxTenants ?? 100_000;
  let counts = new Map<string, number>();
  const timer = setInterval(() => void flush(), options.flushIntervalMs ?? 1_000);
  timer.unref();

  async function flush(): Promise<void> {
    if (counts.size === 0) return;
    const batch = counts;
    counts = new Map();
    let requests = 0;
    for (const count of batch.values()) requests += count;
    await guard.run(
      "activity",
      (redis) => {
        const pipeline = redis.pipeline();
        for (const [tenantId, count] of batch)
          pipeline.incrby(activityKey(tenantId), count).expire(activityKey(tenantId), TTL_SECONDS);
        return pipeline.exec();
      },
      requests,
    );
  }

  return {
    record(tenantId) {
      const count = counts.get(tenantId);
      if (count !== undefined) counts.set(tenantId, count + 1);
      else if (counts.size < maxTenants) counts.set(tenantId, 1);
      return DONE;
    },
    flush,
    async close() {
      clearInterval(timer);
      await flush();
    },
  };
}
