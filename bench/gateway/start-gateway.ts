import { createDb } from "@/lib/db";
import { signProjectToken } from "@/lib/jwt";
import { seedProject } from "@/gateway/testing/seed-project";
import type { BenchCluster, BenchTenant } from "../lib/bench-cluster";
import { freePort, startService, type Service } from "../lib/service";
import { BENCH_LOG_LEVEL } from "../lib/start-rest";

export type BenchProject = { host: string; token: string };

/**
 * The tenant's project row in flux-system, as the control plane would write it, with a per-minute limit no
 * benchmark reaches (the limiter still runs on every request), and a project JWT an app would send.
 */
export async function seedBenchProject(cluster: BenchCluster, tenant: BenchTenant): Promise<BenchProject> {
  // seedProject encrypts the project secret with the master key it reads from the environment.
  process.env.FLUX_MASTER_KEY = cluster.env.FLUX_MASTER_KEY;
  const handle = createDb(cluster.databaseUrl, { max: 1, applicationName: "flux-bench" });
  try {
    const project = await seedProject(handle.db, {
      plan: "enterprise",
      tenantId: tenant.tenantId,
      rateLimitPerMinute: 2_000_000_000,
    });
    const { token } = await signProjectToken({
      secret: project.secret,
      role: "authenticated",
      sub: "bench-user",
      expiresInSeconds: 3600,
    });
    return { host: project.host, token };
  } finally {
    await handle.close();
  }
}

/** The gateway as production runs it (`node --import tsx gateway/main.ts`) in front of `restUrl`. */
export async function startGatewayProcess(
  cluster: BenchCluster,
  restUrl: string,
  options: { env?: Record<string, string>; nodeArgs?: string[] } = {},
): Promise<Service> {
  const port = await freePort();
  return startService({
    name: "gateway",
    entry: "gateway/main.ts",
    env: {
      ...cluster.env,
      FLUX_GATEWAY_PORT: String(port),
      FLUX_REST_URL: restUrl,
      FLUX_LOG_LEVEL: BENCH_LOG_LEVEL,
      ...options.env,
    },
    port,
    readyPath: "/healthz",
    nodeArgs: options.nodeArgs,
  });
}
