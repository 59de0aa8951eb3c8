import type { Redis } from "ioredis";
import { z } from "zod";
import { dispatchRowKey, tenantDispatchesKey } from "@/lib/cache/keys";

/** A gateway dispatch row as the gateway writes it to Redis (gateway/debug/dispatch-store.ts); never a token or body. */
export const DispatchRow = z.object({
  requestId: z.string(),
  time: z.string(),
  host: z.string().nullable(),
  tenantId: z.string().nullable(),
  method: z.string(),
  path: z.string(),
  status: z.number(),
  code: z.string().nullable(),
  timings: z.record(z.string(), z.number()),
});
export type DispatchRow = z.infer<typeof DispatchRow>;

const parseRow = (raw: string | null): DispatchRow | null => {
  if (!raw) return null;
  try {
    const parsed = DispatchRow.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
};

/** The row of one request id, only if it belongs to this tenant (a foreign id reads as unknown). */
export async function findDispatchRow(redis: Redis, tenantId: string, requestId: string): Promise<DispatchRow | null> {
  const row = parseRow(await redis.get(dispatchRowKey(requestId)));
  return row && row.tenantId === tenantId ? row : null;
}

/** The tenant's most recent rows, newest first. */
export async function recentDispatchRows(redis: Redis, tenantId: string, limit = 50): Promise<DispatchRow[]> {
  const raw = await redis.lrange(tenantDispatchesKey(tenantId), 0, Math.max(0, limit - 1));
  return raw.map(parseRow).filter((row): row is DispatchRow => row !== null);
}
