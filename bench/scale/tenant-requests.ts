import pg from "pg";
import type { BenchCluster, BenchTenant } from "../lib/bench-cluster";
import { bridgeTokenFor } from "../lib/start-rest";

export const TENANT_SQL =
  "create table things (id bigint primary key, label text not null); insert into things values (1, 'one');";

export type Answer = { status: number; ms: number };

/** One GET of the tenant's fixture row through rest, timed from the bench process. */
export async function askTenant(
  restUrl: string,
  token: string,
  path = "/things?select=id,label&limit=1",
): Promise<Answer> {
  const started = performance.now();
  const response = await fetch(`${restUrl}${path}`, { headers: { authorization: `Bearer ${token}` } });
  await response.arrayBuffer();
  return { status: response.status, ms: performance.now() - started };
}

export type TokenFor = (tenant: BenchTenant) => Promise<string>;

/**
 * A bridge token per tenant (as the gateway would mint one), minted on first use and again once it is 4 minutes
 * old: tokens live 5 minutes, and a pass over 2,000 tenants on a busy machine takes longer than that.
 */
export function bridgeTokens(cluster: BenchCluster, maxAgeMs = 4 * 60_000): TokenFor {
  const minted = new Map<string, { token: string; at: number }>();
  return async (tenant) => {
    const cached = minted.get(tenant.tenantId);
    if (cached && performance.now() - cached.at < maxAgeMs) return cached.token;
    const token = await bridgeTokenFor(cluster, tenant);
    minted.set(tenant.tenantId, { token, at: performance.now() });
    return token;
  };
}

/** Runs `work` over `items` with at most `concurrency` in flight; returns results in input order. */
export async function mapLimited<T, R>(
  items: T[],
  concurrency: number,
  work: (item: T, index: number) => Promise<R>,
): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await work(items[index] as T, index);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, worker));
  return results;
}

/** Connections rest holds on the tenant database right now (its pools' budget bounds this). */
export async function restConnections(cluster: BenchCluster): Promise<number> {
  const client = new pg.Client({ connectionString: cluster.tenantDatabaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ n: string }>(
      "select count(*) as n from pg_stat_activity where datname = current_database() and application_name = 'flux-rest'",
    );
    return Number(rows[0]?.n ?? 0);
  } finally {
    await client.end();
  }
}
