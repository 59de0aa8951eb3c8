// Part of step 6 — choose which rest instance serves a tenant (PostgREST pool sharding by tenant hash).
import http from "node:http";

export type Upstream = {
  url: URL;
  /** Keep-alive agent per upstream, so the hop to rest does not pay a TCP handshake each time. */
  agent: http.Agent;
  connectTimeoutMs: number;
  readTimeoutMs: number;
};

export type UpstreamPool = {
  upstreams: readonly Upstream[];
  /** The same tenant always lands on the same upstream (its schema cache and pools stay warm there). */
  forTenant(tenantId: string): Upstream;
  destroy(): void;
};

export function createUpstream(restUrl: string, timeouts: { connectTimeoutMs: number; readTimeoutMs: number }): Upstream {
  return { url: new URL(restUrl), agent: new http.Agent({ keepAlive: true, maxSockets: 256 }), ...timeouts };
}

export function createUpstreamPool(urls: readonly string[], timeouts: { connectTimeoutMs: number; readTimeoutMs: number }): UpstreamPool {
  if (urls.length === 0) throw new Error("the upstream pool needs at least one rest URL");
  const upstreams = urls.map((url) => createUpstream(url, timeouts));
  return {
    upstreams,
    forTenant: (tenantId) => upstreams[fnv1a(tenantId) % upstreams.length] ?? (upstreams[0] as Upstream),
    destroy: () => upstreams.forEach((upstream) => upstream.agent.destroy()),
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
