import type { ActivityRecorder } from "./interface";

export type InProcessActivity = ActivityRecorder & {
  /** Requests counted per tenant since the last drain; the worker's flush will read the Redis twin instead. */
  drain(): Map<string, number>;
  peek(tenantId: string): number;
};

/** Counts requests per tenant in memory; single-instance only, nothing reads it across processes yet. */
export function createInProcessActivity(options: { maxTenants?: number } = {}): InProcessActivity {
  const maxTenants = options.maxTenants ?? 100_000;
  let counts = new Map<string, number>();
  return {
    async record(tenantId) {
      if (!counts.has(tenantId) && counts.size >= maxTenants) return;
      counts.set(tenantId, (counts.get(tenantId) ?? 0) + 1);
    },
    drain() {
      const drained = counts;
      counts = new Map();
      return drained;
    },
    peek(tenantId) {
      return counts.get(tenantId) ?? 0;
    },
  };
}
