import type { RedisGuard } from "../redis/guard";
import type { ActivityRecorder } from "./interface";

/** The key worker/activity-flush.ts scans for (`activity:` + tenant id) and deletes once recorded. */
export const activityKey = (tenantId: string): string => `activity:${tenantId}`;
const TTL_SECONDS = 60;

/**
 * INCR + EXPIRE in one pipelined round trip, behind the guard: a dead Redis costs a skipped call, and the caller
 * (pipeline/activity.ts) never awaits it. Lossy by design — a lost window only delays last_accessed_at.
 */
export function createRedisActivity(guard: RedisGuard): ActivityRecorder {
  return {
    async record(tenantId) {
      const key = activityKey(tenantId);
      await guard.run("activity", (redis) => redis.multi().incr(key).expire(key, TTL_SECONDS).exec());
    },
  };
}
