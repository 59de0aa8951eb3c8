import pg from "pg";
import type { Logger } from "@/rest/log";
import { roleLoginUrl } from "@/lib/engines/v2-shared/credentials";

export type TenantPoolsOptions = {
  clusterDatabaseUrl: string;
  dataPlaneKey: string;
  /** FLUX_REST_MAX_CONNECTIONS: the most connections all tenant pools of this process may hold together. */
  maxConnections: number;
  logger: Logger;
  /** Connections per tenant; below the free plan's CONNECTION LIMIT (5) so a second instance still fits. */
  perTenant?: number;
  /** A pool unused this long is closed. */
  idlePoolMs?: number;
};

type Entry = { role: string; pool: pg.Pool; lastUsed: number };

/**
 * One small pg.Pool per tenant API role, each logged in as that role (never a shared authenticator, see
 * ARCHITECTURE.md "No shared authenticator"). Every pool reserves one connection of the global budget and grows
 * towards `perTenant` only while the budget has room (its `max` is re-decided before each checkout), so up to
 * `maxConnections` tenants stay warm instead of a third of them. Opening a pool past the budget closes the least
 * recently used one, preferring pools with nothing checked out or waiting. Clients run in pipeline mode so a
 * request's whole transaction is one round trip.
 */
export class TenantPools {
  private readonly entries = new Map<string, Entry>();
  private readonly perTenant: number;
  private readonly maxPools: number;
  private readonly idlePoolMs: number;
  private readonly sweeper: NodeJS.Timeout;

  constructor(private readonly options: TenantPoolsOptions) {
    this.perTenant = Math.max(1, Math.min(options.perTenant ?? 3, options.maxConnections));
    this.maxPools = Math.max(1, options.maxConnections);
    this.idlePoolMs = options.idlePoolMs ?? 60_000;
    this.sweeper = setInterval(() => this.closeIdlePools(), Math.min(this.idlePoolMs, 15_000));
    this.sweeper.unref();
  }

  /** A client logged in as `role`; the caller must release it (with an error to discard a broken one). */
  async connect(role: string): Promise<pg.PoolClient> {
    const pool = this.poolFor(role);
    pool.options.max = this.allowedSize(pool);
    return pool.connect();
  }

  /** Connections held (or being opened) by every pool together; a pool with none still reserves one. */
  get connectionCount(): number {
    let held = 0;
    for (const entry of this.entries.values()) held += entry.pool.totalCount;
    return held;
  }

  /**
   * The most connections `pool` may hold right now: what it has, plus one more if it has no idle connection,
   * is below perTenant, and the budget minus every other pool's holding (at least its reserved one) has room.
   * pg-pool counts a connection from the moment it starts opening, so concurrent checkouts see each other.
   */
  private allowedSize(pool: pg.Pool): number {
    let others = 0;
    for (const entry of this.entries.values()) if (entry.pool !== pool) others += Math.max(1, entry.pool.totalCount);
    const room = this.options.maxConnections - others - pool.totalCount;
    const wanted = pool.idleCount === 0 && room > 0 ? pool.totalCount + 1 : pool.totalCount;
    return Math.max(1, Math.min(this.perTenant, wanted));
  }

  get poolCount(): number {
    return this.entries.size;
  }

  async close(): Promise<void> {
    clearInterval(this.sweeper);
    const pools = [...this.entries.values()].map((entry) => entry.pool);
    this.entries.clear();
    await Promise.all(pools.map((pool) => pool.end().catch(() => undefined)));
  }

  private poolFor(role: string): pg.Pool {
    const now = Date.now();
    const existing = this.entries.get(role);
    if (existing) {
      existing.lastUsed = now;
      // Re-inserting keeps the Map in least-recently-used order for eviction.
      this.entries.delete(role);
      this.entries.set(role, existing);
      return existing.pool;
    }
    // The new pool's reserved connection must fit beside what the others hold, not only beside their count.
    while (
      this.entries.size > 0 &&
      (this.entries.size >= this.maxPools || this.connectionCount + 1 > this.options.maxConnections)
    ) {
      this.evictOne();
    }
    const pool = this.openPool(role);
    this.entries.set(role, { role, pool, lastUsed: now });
    return pool;
  }

  private openPool(role: string): pg.Pool {
    const pool = new pg.Pool({
      connectionString: roleLoginUrl(this.options.clusterDatabaseUrl, role, this.options.dataPlaneKey),
      max: 1, // raised per checkout by allowedSize()
      idleTimeoutMillis: 10_000,
      connectionTimeoutMillis: 5_000,
      application_name: "flux-rest",
      pipeline: true,
    });
    // Without a listener node-postgres turns an idle client's error (server restart, terminated backend) into a crash.
    pool.on("error", (error) =>
      this.options.logger.warn("idle tenant connection failed", { role, error: error.message }),
    );
    return pool;
  }

  private evictOne(): void {
    const entries = [...this.entries.values()];
    const idle = entries.find((entry) => isQuiet(entry.pool));
    // A pool with waiters would leave them to time out (pg-pool's end() does not fail them), so spare it if possible.
    const victim = idle ?? entries.find((entry) => entry.pool.waitingCount === 0) ?? entries[0];
    if (!victim) return;
    this.entries.delete(victim.role);
    if (!idle)
      this.options.logger.warn("connection budget exhausted; closing a busy tenant pool", { role: victim.role });
    // end() lets checked-out clients finish; they are closed when released.
    void victim.pool.end().catch(() => undefined);
  }

  private closeIdlePools(): void {
    const cutoff = Date.now() - this.idlePoolMs;
    for (const entry of [...this.entries.values()]) {
      if (entry.lastUsed < cutoff && isQuiet(entry.pool)) {
        this.entries.delete(entry.role);
        void entry.pool.end().catch(() => undefined);
      }
    }
  }
}

/** Nothing checked out and nobody waiting: closing it interrupts no request. */
function isQuiet(pool: pg.Pool): boolean {
  return pool.waitingCount === 0 && pool.totalCount === pool.idleCount;
}
