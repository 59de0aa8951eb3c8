/** The pipeline's named steps, timed one by one (a histogram per step). */
export type PipelineStep = "resolve" | "verify" | "rate_limit" | "bridge" | "proxy";

/**
 * What the gateway counts. The Prometheus implementation backs /metrics; the no-op twin is used when
 * FLUX_GATEWAY_METRICS=0. Redis-backed code (cache, limiter) reports through hostCacheLookup / redisFailOpen.
 */
export interface GatewayMetrics {
  /** One finished request: its status and the plan of the tenant served ("none" before a tenant is known). */
  requestFinished(status: number, plan: string): void;
  stepDuration(step: PipelineStep, seconds: number): void;
  /** A host → project lookup answered from cache (hit) or from flux-system (miss). */
  hostCacheLookup(hit: boolean): void;
  /** Redis failed and the request went on without it (rate limit allowed, cache bypassed, …). */
  /** `requests` (default 1): how many requests went on without Redis for this reason. */
  redisFailOpen(reason: string, requests?: number): void;
  /** The upstream call failed: connect (502) or timeout (504). */
  upstreamFailure(kind: "connect" | "timeout"): void;
  /** Prometheus text exposition; null when metrics are off. */
  render(): Promise<{ contentType: string; body: string } | null>;
}

export const noopMetrics: GatewayMetrics = {
  requestFinished() {},
  stepDuration() {},
  hostCacheLookup() {},
  redisFailOpen() {},
  upstreamFailure() {},
  render: async () => null,
};
