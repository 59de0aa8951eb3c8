import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { dispatchRowKey } from "@/lib/cache/keys";
import { findDispatchRow, recentDispatchRows } from "@/lib/troubleshoot/dispatch-rows";
import { useSharedRedis } from "../redis/testing/guard-on";
import type { DispatchRow } from "./dispatch-ring";
import { createRedisDispatchStore } from "./dispatch-store";

const url = process.env.REDIS_URL ?? "";

const rowFor = (tenantId: string, n: number, status: number): DispatchRow => ({
  requestId: `${tenantId.slice(0, 8)}-${n}-${randomUUID()}`,
  time: new Date(Date.UTC(2026, 10, 23, 12, 0, n % 60)).toISOString(),
  host: "api--shop--abcdef0.localhost",
  tenantId,
  method: "GET",
  path: "/notes",
  status,
  code: status === 200 ? null : "FLUX-GW-AUTH-EXPIRED",
  timings: { resolve: 0.1, total: 2 },
});

describe.skipIf(!url)("Redis dispatch store (shared Redis)", () => {
  const shared = useSharedRedis(url);

  it("a burst writes a bounded number of rows by id — refusals first — and each tenant's newest 100 in its list", async () => {
    const busy = randomUUID();
    const quiet = randomUUID();
    const store = createRedisDispatchStore(shared.guard, { flushIntervalMs: 60_000, rowsByIdPerFlush: 20 });
    const busyRows = Array.from({ length: 300 }, (_, n) => rowFor(busy, n, n % 50 === 7 ? 401 : 200));
    const quietRow = rowFor(quiet, 1, 200);
    for (const row of busyRows) store.record(row);
    store.record(quietRow);
    await store.close();

    const stored = await Promise.all(
      [...busyRows, quietRow].map((row) => shared.check.exists(dispatchRowKey(row.requestId))),
    );
    expect(stored.filter(Boolean)).toHaveLength(20);
    // Every refused request of the burst can be looked up by its id, and so can the newest success.
    for (const refused of busyRows.filter((row) => row.status === 401)) {
      expect(await findDispatchRow(shared.check, busy, refused.requestId)).toEqual(refused);
    }
    expect(await findDispatchRow(shared.check, quiet, quietRow.requestId)).toEqual(quietRow);
    expect(await findDispatchRow(shared.check, busy, busyRows[0]?.requestId ?? "")).toBeNull();

    const recent = await recentDispatchRows(shared.check, busy, 100);
    expect(recent.map((row) => row.requestId)).toEqual(
      busyRows
        .slice(-100)
        .reverse()
        .map((row) => row.requestId),
    );
    expect(await shared.check.ttl(dispatchRowKey(quietRow.requestId))).toBeGreaterThan(3_500);
  });
});
