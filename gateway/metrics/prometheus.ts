import { Counter, Registry, collectDefaultMetrics } from "prom-client";
import { HotCounter, type CounterSeries } from "./hot-counter";
import { StepHistogram } from "./step-histogram";
import type { GatewayMetrics } from "./interface";

/**
 * prom-client metrics on a registry of their own (not the global one), so several gateways in one process —
 * tests do this — never collide. The cache hit ratio is hits / (hits + misses) of flux_gateway_host_cache_total.
 */
export function createPrometheusMetrics(options: { defaultMetrics?: boolean } = {}): GatewayMetrics {
  const registry = new Registry();
  if (options.defaultMetrics ?? true) collectDefaultMetrics({ register: registry, prefix: "flux_gateway_" });
  // The two counters every request touches are HotCounters; the rare ones stay prom-client Counters.
  const requests = new HotCounter(
    "flux_gateway_requests_total",
    "Requests answered by the gateway, by HTTP status and tenant plan",
    ["status", "plan"] as const,
  ).register(registry);
  const steps = new StepHistogram(
    "flux_gateway_step_duration_seconds",
    "Time spent in each pipeline step",
    [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
  ).register(registry);
  const hostCache = new HotCounter(
    "flux_gateway_host_cache_total",
    "Host → project lookups by cache result (hit or miss)",
    ["result"] as const,
  ).register(registry);
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
  const requestSeries = new Map<string, CounterSeries>();
  const hostCacheHit = hostCache.series({ result: "hit" });
  const hostCacheMiss = hostCache.series({ result: "miss" });
  return {
    requestFinished(status, plan) {
      const key = `${status} ${plan}`;
      let series = requestSeries.get(key);
      if (!series) {
        series = requests.series({ status: String(status), plan });
        requestSeries.set(key, series);
      }
      series.value++;
    },
    stepDuration: (step, seconds) => steps.observe(step, seconds),
    hostCacheLookup: (hit) => void (hit ? hostCacheHit : hostCacheMiss).value++,
    // Reasons are code-chosen words; the cap keeps a careless caller from exploding label cardinality.
    redisFailOpen: (reason, requests = 1) => failOpen.inc({ reason: reason.slice(0, 40) }, requests),
    upstreamFailure: (kind) => upstream.inc({ kind }),
    render: async () => ({ contentType: registry.contentType, body: await registry.metrics() }),
  };
}
