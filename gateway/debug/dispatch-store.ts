import { DISPATCH_TTL_SECONDS, DISPATCHES_PER_TENANT, dispatchRowKey, tenantDispatchesKey } from "@/lib/cache/keys";
import type { RedisGuard } from "../redis/guard";
import type { DispatchRow } from "./dispatch-ring";
import { DispatchQueue } from "./dispatch-queue";

/** Where finished requests are shared beyond this process; the in-process ring stays the debug snapshot's source. */
export interface DispatchStore {
  /** Queues the row; it reaches Redis with the next flush. Never waits on Redis. */
  record(row: DispatchRow): void;
  /** Sends the queued rows in one pipelined round trip. */
  flush(): Promise<void>;
  /** Stops the timer and sends what is left. */
  close(): Promise<void>;
}

export type DispatchStoreOptions = {
  /** How often queued rows go to Redis (default 1 s). */
  flushIntervalMs?: number;
  /** Rows written for lookup by request id per flush (default 50): refusals first, then the newest. */
  rowsByIdPerFlush?: number;
  /** Tenants whose recent lists one flush updates (default 5,000); rows of further tenants are dropped. */
  maxTenantsPerFlush?: number;
};

/**
 * Rows are queued in memory and written once per flush interval in one pipeline, so the request path never pays
 * a Redis round trip for them. Per flush: up to `rowsByIdPerFlush` rows as `dispatch:{id}` for lookup by request
 * id, refused requests (status ≥ 400) before successful ones and newer before older, and for each tenant its
 * newest rows in one `LPUSH` + `LTRIM` + `EXPIRE`. The cap bounds Redis's memory (one hour of rows), its work per
 * request and the gateway's queue however busy the gateway is; a busy tenant's successful requests may then be
 * found in its recent list but not by id. Lossy by design: when Redis fails the batch is dropped (the in-process
 * ring keeps the latest 100 for the debug snapshot either way).
 */
export function createRedisDispatchStore(guard: RedisGuard, options: DispatchStoreOptions = {}): DispatchStore {
  const queue = new DispatchQueue({
    byIdLimit: options.rowsByIdPerFlush ?? 50,
    perTenant: DISPATCHES_PER_TENANT,
    maxTenants: options.maxTenantsPerFlush ?? 5_000,
  });
  const timer = setInterval(() => void flush(), options.flushIntervalMs ?? 1_000);
  timer.unref();

  async function flush(): Promise<void> {
    if (queue.size === 0) return;
    const requests = queue.size;
    const { byId, byTenant } = queue.drain();
    await guard.run(
      "activity",
      (redis) => {
        const pipeline = redis.pipeline();
        const payloads = new Map<DispatchRow, string>();
        const payloadOf = (row: DispatchRow) => {
          let payload = payloads.get(row);
          if (payload === undefined) payloads.set(row, (payload = JSON.stringify(row)));
          return payload;
        };
        for (const row of byId) pipeline.set(dispatchRowKey(row.requestId), payloadOf(row), "EX", DISPATCH_TTL_SECONDS);
        for (const [tenantId, rows] of byTenant) {
          const key = tenantDispatchesKey(tenantId);
          // LPUSH of several values leaves the last one at the head: newest first, as one push per row would.
          pipeline
            .lpush(key, ...rows.map(payloadOf))
            .ltrim(key, 0, DISPATCHES_PER_TENANT - 1)
            .expire(key, DISPATCH_TTL_SECONDS);
        }
        return pipeline.exec();
      },
      requests,
    );
  }

  return {
    record: (row) => queue.record(row),
    flush,
    async close() {
      clearInterval(timer);
      await flush();
    },
  };
}
