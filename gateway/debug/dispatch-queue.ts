import { DispatchRing, type DispatchRow } from "./dispatch-ring";

export type DispatchBatch = {
  /** Rows to write for lookup by request id: refusals first, newest first within each kind. */
  byId: DispatchRow[];
  /** Each tenant's newest rows, oldest first (the order LPUSH needs to leave the newest at the head). */
  byTenant: Map<string, DispatchRow[]>;
};

/**
 * The rows one flush will write, kept as they arrive in fixed-size rings, so a busy second holds no more than
 * `byIdLimit` rows for lookup by id and `perTenant` rows per tenant (for at most `maxTenants` tenants): memory stays
 * bounded, and rows that will never be written are garbage at once instead of surviving until the flush.
 */
export class DispatchQueue {
  private refused: DispatchRing;
  private succeeded: DispatchRing;
  private tenants = new Map<string, DispatchRing>();
  private count = 0;

  constructor(private readonly limits: { byIdLimit: number; perTenant: number; maxTenants: number }) {
    this.refused = new DispatchRing(Math.max(1, limits.byIdLimit));
    this.succeeded = new DispatchRing(Math.max(1, limits.byIdLimit));
  }

  get size(): number {
    return this.count;
  }

  record(row: DispatchRow): void {
    this.count++;
    (row.status >= 400 ? this.refused : this.succeeded).push(row);
    if (!row.tenantId) return;
    let ring = this.tenants.get(row.tenantId);
    if (!ring) {
      if (this.tenants.size >= this.limits.maxTenants) return;
      ring = new DispatchRing(this.limits.perTenant);
      this.tenants.set(row.tenantId, ring);
    }
    ring.push(row);
  }

  /** What was recorded since the last drain; the queue starts empty again. */
  drain(): DispatchBatch {
    const byId = [...this.refused.recent(), ...this.succeeded.recent()].slice(0, this.limits.byIdLimit);
    const byTenant = new Map([...this.tenants].map(([tenantId, ring]) => [tenantId, ring.recent().reverse()]));
    this.refused = new DispatchRing(this.refused.capacity);
    this.succeeded = new DispatchRing(this.succeeded.capacity);
    this.tenants = new Map();
    this.count = 0;
    return { byId, byTenant };
  }
}
