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

export type DispatchStoreOptions = {
  /** How often queued rows go to Redis (default 1 s). */
  flushIntervalMs?: number;
  /** Rows kept in memory between flushes; later ones are dropped (default 5,000). */
  maxQueued?: number;
  /** Rows written for lookup by request id per flush (default 50): refusals first, then the newest. */
  rowsByIdPerFlush?: number;
};

/**
 * Rows are queued in memory and written once per flush interval in one pipeline, so the request path never pays
 * a Redis round trip for them. Per flush: up to `rowsByIdPerFlush` rows as `dispatch:{id}` for lookup by request
 * id, refused requests (status ≥ 400) before successful ones and newer before older, and for each tenant its
 * newest rows in one `LPUSH` + `LTRIM` + `EXPIRE`. The cap bounds both Redis's memory (one hour of rows) and its
 * work per request however busy the gateway is; a busy tenant's successful requests may then be found in its
 * recent list but not by id. Lossy by design: past `maxQueued`, or when Redis fails, rows are dropped (the
 * in-process ring keeps the latest 100 for the debug snapshot either way).
 */
export function createRedisDispatchStore(guard: RedisGuard, options: DispatchStoreOptions = {}): DispatchStore {
  const maxQueued = options.maxQueued ?? 5_000;
  const rowsByIdPerFlush = options.rowsByIdPerFlush ?? 50;
  let queued: DispatchRow[] = [];
  const timer = setInterval(() => void flush(), options.flushIntervalMs ?? 1_000);
  timer.unref();

  async function flush(): Promise<void> {
    if (queued.length === 0) return;
    const rows = queued;
    queued = [];
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
        for (const row of rowsForLookup(rows, rowsByIdPerFlush)) {
          pipeline.set(dispatchRowKey(row.requestId), payloadOf(row), "EX", DISPATCH_TTL_SECONDS);
        }
        for (const [tenantId, tenantRows] of newestByTenant(rows, DISPATCHES_PER_TENANT)) {
          const key = tenantDispatchesKey(tenantId);
          // LPUSH of several values leaves the last one at the head: newest first, as one push per row would.
          pipeline.lpush(key, ...tenantRows.map(payloadOf)).ltrim(key, 0, DISPATCHES_PER_TENANT - 1).expire(key, DISPATCH_TTL_SECONDS);
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

/** Up to `limit` rows (oldest-first input): every refusal before any success, the newest of each kind first. */
export function rowsForLookup(rows: readonly DispatchRow[], limit: number): DispatchRow[] {
  const chosen: DispatchRow[] = [];
  for (const refused of [true, false]) {
    for (let i = rows.length - 1; i >= 0 && chosen.length < limit; i--) {
      const row = rows[i] as DispatchRow;
      if (row.status >= 400 === refused) chosen.push(row);
    }
  }
  return chosen;
}

/** Each tenant's newest `limit` rows, oldest first (the order LPUSH needs to leave the newest at the head). */
function newestByTenant(rows: readonly DispatchRow[], limit: number): Map<string, DispatchRow[]> {
  const byTenant = new Map<string, DispatchRow[]>();
  for (const row of rows) {
    if (!row.tenantId) continue;
    const list = byTenant.get(row.tenantId);
    if (list) list.push(row);
    else byTenant.set(row.tenantId, [row]);
  }
  for (const [tenantId, list] of byTenant) if (list.length > limit) byTenant.set(tenantId, list.slice(-limit));
  return byTenant;
}
