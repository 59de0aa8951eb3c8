import { DISPATCH_TTL_SECONDS, DISPATCHES_PER_TENANT, dispatchRowKey, tenantDispatchesKey } from "@/lib/cache/keys";
import type { RedisGuard } from "../redis/guard";
import type { DispatchRow } from "./dispatch-ring";

/** Where finished requests are shared beyond this process; the in-process ring stays the debug snapshot's source. */
export interface DispatchStore {
  /** Queues the row; it reaches Redis with the next flush. Never waits on Redis. */
  record(row: DispatchRow): void;
  /** Sends the queued rows in one pipelined round trip. */
  flush(): Promise<void>;
  /** Stops the timer and sends what is left. */
  close(): Promise<void>;
}

/**
 * Rows are queued in memory and written once per flush interval (default 1 s) in one pipeline — a `SET` per row
 * (`dispatch:{id}`, for lookups by request id) and one `LPUSH` + `LTRIM` + `EXPIRE` per tenant — so the request
 * path never pays a Redis round trip for them. Only rows that reached a tenant go to its list. Lossy by design:
 * past `maxQueued` rows between flushes, or when Redis fails, rows are dropped (the in-process ring keeps the
 * latest 100 for the debug snapshot either way).
 */
export function createRedisDispatchStore(
  guard: RedisGuard,
  options: { flushIntervalMs?: number; maxQueued?: number } = {},
): DispatchStore {
  const maxQueued = options.maxQueued ?? 5_000;
  let queued: DispatchRow[] = [];
  const timer = setInterval(() => void flush(), options.flushIntervalMs ?? 1_000);
  timer.unref();

  async function flush(): Promise<void> {
    if (queued.length === 0) return;
    const rows = queued;
    queued = [];
    const byTenant = new Map<string, string[]>();
    await guard.run(
      "activity",
      (redis) => {
        const pipeline = redis.pipeline();
        for (const row of rows) {
          const payload = JSON.stringify(row);
          pipeline.set(dispatchRowKey(row.requestId), payload, "EX", DISPATCH_TTL_SECONDS);
          if (!row.tenantId) continue;
          const list = byTenant.get(row.tenantId);
          if (list) list.push(payload);
          else byTenant.set(row.tenantId, [payload]);
        }
        for (const [tenantId, payloads] of byTenant) {
          const key = tenantDispatchesKey(tenantId);
          // LPUSH of several values leaves the last one at the head: newest first, as one push per row would.
          pipeline.lpush(key, ...payloads.slice(-DISPATCHES_PER_TENANT)).ltrim(key, 0, DISPATCHES_PER_TENANT - 1).expire(key, DISPATCH_TTL_SECONDS);
        }
        return pipeline.exec();
      },
      rows.length,
    );
  }

  return {
    record(row) {
      if (queued.length < maxQueued) queued.push(row);
    },
    flush,
    async close() {
      clearInterval(timer);
      await flush();
    },
  };
}
