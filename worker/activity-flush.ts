import { inArray, sql } from "drizzle-orm";
import type { Redis } from "ioredis";
import { projects } from "@/drizzle/schema";
import type { Database } from "@/lib/db";
import { isTenantId } from "@/lib/tenancy";

const ACTIVITY_PREFIX = "activity:";

/**
 * Reads the gateway's best-effort `activity:{tenant_id}` counters and records them as
 * projects.last_accessed_at. Lossy by design (architecture §7): a lost key costs one window of activity.
 */
export async function flushActivity(deps: { db: Database; redis: Redis }): Promise<number> {
  const active = new Set<string>();
  let cursor = "0";
  do {
    const [next, keys] = await deps.redis.scan(cursor, "MATCH", `${ACTIVITY_PREFIX}*`, "COUNT", 500);
    cursor = next;
    for (const key of keys) {
      const tenantId = key.slice(ACTIVITY_PREFIX.length);
      if (isTenantId(tenantId)) active.add(tenantId);
    }
  } while (cursor !== "0");
  if (active.size === 0) return 0;
  const ids = [...active];
  await deps.db
    .update(projects)
    .set({ lastAccessedAt: sql`now()` })
    .where(inArray(projects.tenantId, ids));
  await deps.redis.del(...ids.map((id) => `${ACTIVITY_PREFIX}${id}`));
  return ids.length;
}
