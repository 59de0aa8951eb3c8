import { DISPATCH_TTL_SECONDS, DISPATCHES_PER_TENANT, dispatchRowKey, tenantDispatchesKey } from "@/lib/cache/keys";
import type { RedisGuard } from "../redis/guard";
import type { DispatchRow } from "./dispatch-ring";

/** Where finished requests are shared beyond this process; the in-process ring stays the debug snapshot's source. */
export interface DispatchStore {
  record(row: DispatchRow): Promise<void>;
}

/**
 * One pipelined round trip behind the guard, never awaited by the request: a dead Redis loses rows, nothing else.
 * Only rows that reached a tenant go to its list (requests to unknown hosts have no tenant to show them to).
 */
export function createRedisDispatchStore(guard: RedisGuard): DispatchStore {
  return {
    async record(row) {
      const payload = JSON.stringify(row);
      await guard.run("activity", (redis) => {
        const batch = redis.multi().set(dispatchRowKey(row.requestId), payload, "EX", DISPATCH_TTL_SECONDS);
        if (row.tenantId) {
          const list = tenantDispatchesKey(row.tenantId);
          batch.lpush(list, payload).ltrim(list, 0, DISPATCHES_PER_TENANT - 1).expire(list, DISPATCH_TTL_SECONDS);
        }
        return batch.exec();
      });
    },
  };
}
