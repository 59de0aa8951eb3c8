// Part of step 6 — choose which rest instance serves a tenant (PostgREST pool sharding by tenant hash).
import { Pool } from "undici";

export type Upstream = {
  url: URL;
  /** Keep-alive connections to this rest instance (undici; decision 0031), so the hop pays no TCP handshake. */
  pool: Pool;
  connectTimeoutMs: number;
  readTimeoutMs: number;
};

export type UpstreamPool = {
  upstreams: readonly Upstream[];
  /** The same tenant always lands on the same upstream (its schema cache and pools stay warm there). */
  forTenant(tenantId: string): Upstream;
  destroy(): void;
};

export function createUpstream(
  restUrl: string,
  timeouts: { connectTimeoutMs: number; readTimeoutMs: number },
): Upstream {
  const url = new URL(restUrl);
  const pool = new Pool(url.origin, {
    connections: 256,
    pipelining: 1,
    keepAliveTimeout: 30_000,
    connect: { timeout: timeouts.connectTimeoutMs },
    headersTimeout: timeouts.readTimeoutMs,
    bodyTimeout: timeouts.readTimeoutMs,
  });
  return { url, pool, ...timeouts };
}

export function createUpstreamPool(
  urls: readonly string[],
  timeouts: { connectTimeoutMs: number; readTimeoutMs: number },
): UpstreamPool {
  if (urls.length === 0) throw new Error("the upstream pool needs at least one rest URL");
  const upstreams = urls.map((url) => createUpstream(url, timeouts));
  return {
    upstreams,
    forTenant: (tenantId) => upstreams[fnv1a(tenantId) % upstreams.length] ?? (upstreams[0] as Upstream),
    destroy: () => upstreams.forEach((upstream) => void upstream.pool.destroy().catch(() => undefined)),
  };
}

/** FNV-1a, 32 bit: stable across processes and releases (unlike a runtime's string hash), and cheap. */
export function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}
