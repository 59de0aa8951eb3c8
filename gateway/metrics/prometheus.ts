import { Counter, Histogram, Registry, collectDefaultMetrics } from "prom-client";
import type { GatewayMetrics } from "./interface";

/**
 * prom-client metrics on a registry of their own (not the global one), so several gateways in one process —
 * tests do this — never collide. The cache hit ratio is hits / (hits + misses) of flux_gateway_host_cache_total.
 */
export function createPrometheusMetrics(options: { defaultMetrics?: boolean } = {}): GatewayMetrics {
  const registry = new Registry();
  if (options.defaultMetrics ?? true) collectDefaultMetrics({ register: registry, prefix: "flux_gateway_" });
  const requests = new Counter({
    name: "flux_gateway_requests_total",
    help: "Requests answered by the gateway, by HTTP status and tenant plan",
    labelNames: ["status", "plan"] as const,
    registers: [registry],
  });
  const steps = new Histogram({
    name: "flux_gateway_step_duration_seconds",
    help: "Time spent in each pipeline step",
    labelNames: ["step"] as const,
    buckets: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });
  const hostCache = new Counter({
    name: "flux_gateway_host_cache_total",
    help: "Host → project lookups by cache result (hit or miss)",
    labelNames: ["result"] as const,
    registers: [registry],
  });
  const failOpen = new Counter({
    name: "flux_gateway_redis_fail_open_total",
    help: "Times Redis failed and the request continued without it",
    labelNames: ["reason"] as const,
    registers: [registry],
  });
  const upstream = new Counter({
    name: "flux_gateway_upstream_failures_total",
    help: "Upstream (rest) calls that failed to connect or timed out",
    labelNames: ["kind"] as const,
    registers: [registry],
  });
  // Label children bound once: prom-client hashes the label set on every unbound call, once per step per request.
  const stepChildren = new Map<string, ReturnType<typeof steps.labels>>();
  const requestChildren = new Map<string, ReturnType<typeof requests.labels>>();
  const hostCacheHit = hostCache.labels({ result: "hit" });
  const hostCacheMiss = hostCache.labels({ result: "miss" });
  return {
    requestFinished(status, plan) {
      const key = `${status} ${plan}`;
      let child = requestChildren.get(key);
      if (!child) {
        child = requests.labels({ status: String(status), plan });
        requestChildren.set(key, child);
      }
      child.inc();
    },
    stepDuration(step, seconds) {
      let child = stepChildren.get(step);
      if (!child) {
        child = steps.labels({ step });
        stepChildren.set(step, child);
      }
      child.observe(seconds);
    },
    hostCacheLookup: (hit) => (hit ? hostCacheHit : hostCacheMiss).inc(),
    // Reasons are code-chosen words; the cap keeps a careless caller from exploding label cardinality.
    redisFailOpen: (reason, requests = 1) => failOpen.inc({ reason: reason.slice(0, 40) }, requests),
    upstreamFailure: (kind) => upstream.inc({ kind }),
    render: async () => ({ contentType: registry.contentType, body: await registry.metrics() }),
  };
}
