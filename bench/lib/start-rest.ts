import { bridgeKey, mintBridgeToken } from "@/lib/jwt";
import type { BenchCluster, BenchTenant } from "./bench-cluster";
import { freePort, startService, type Service } from "./service";

/** Log level of measured processes: per-request info lines would be measured too (see docs/performance.md). */
export const BENCH_LOG_LEVEL = process.env.BENCH_LOG_LEVEL ?? "warn";

/** rest as production runs it: `node --import tsx rest/main.ts`, configured only through its environment. */
export async function startRestProcess(
  cluster: BenchCluster,
  options: { nodeArgs?: string[]; env?: Record<string, string> } = {},
): Promise<Service> {
  const port = await freePort();
  return startService({
    name: "rest",
    entry: "rest/main.ts",
    env: { ...cluster.env, FLUX_REST_PORT: String(port), FLUX_LOG_LEVEL: BENCH_LOG_LEVEL, ...options.env },
    port,
    readyPath: "/_flux/health",
    nodeArgs: options.nodeArgs,
  });
}

/** The bridge token the gateway would mint for this tenant, valid for the maximum 5 minutes. */
export function bridgeTokenFor(cluster: BenchCluster, tenant: BenchTenant): Promise<string> {
  return mintBridgeToken(
    { role: tenant.credentials.role, tenant_id: tenant.tenantId, claims: { sub: "bench-user", role: "authenticated" } },
    bridgeKey(cluster.env.FLUX_BRIDGE_SECRET),
    300,
  );
}
