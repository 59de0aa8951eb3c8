import type { AddressInfo } from "node:net";
import { loadConfig } from "@/lib/config";
import { createDb, type DbHandle } from "@/lib/db";
import { loadGatewaySettings } from "../config";
import { silentLogger } from "../log";
import { createGateway, type GatewayDeps } from "../server";
import { startFakeUpstream } from "./fake-upstream";

export type TestGateway = {
  port: number;
  upstream: Awaited<ReturnType<typeof startFakeUpstream>>;
  /** A separate flux-system handle for seeding rows; the gateway itself only reads. */
  seedDb: DbHandle;
  close: () => Promise<void>;
};

/**
 * A real gateway on port 0 in front of a fake rest on port 0, reading the run's fresh flux-system database.
 * `redisUrl` overrides the run's REDIS_URL (null: no Redis, in-process services).
 */
export async function startTestGateway(
  options: { restUrl?: string; deps?: GatewayDeps; redisUrl?: string | null } = {},
): Promise<TestGateway & { gateway: ReturnType<typeof createGateway> }> {
  const env = process.env;
  const upstream = await startFakeUpstream(env.FLUX_BRIDGE_SECRET ?? "");
  const redisUrl = options.redisUrl === undefined ? env.REDIS_URL : (options.redisUrl ?? undefined);
  const config = loadConfig({
    ...env,
    REDIS_URL: redisUrl,
    FLUX_REST_URL: options.restUrl ?? upstream.url,
    FLUX_BASE_DOMAIN: "localhost",
  });
  const gateway = createGateway(config, {
    settings: {
      ...loadGatewaySettings({}),
      // Tests that are not about Redis faults must not see a late answer on a loaded machine as a failure.
      FLUX_GATEWAY_REDIS_COMMAND_TIMEOUT_MS: 1_000,
      FLUX_RATE_LIMIT_MULTIPLIER: 1,
      FLUX_GATEWAY_CONNECT_TIMEOUT_MS: 500,
      FLUX_GATEWAY_UPSTREAM_TIMEOUT_MS: 2_000,
      FLUX_GATEWAY_HOST_CACHE_TTL_MS: 5_000,
    },
    logger: silentLogger,
    drainTimeoutMs: 1_000,
    ...options.deps,
  });
  await new Promise<void>((resolve) => gateway.server.listen(0, "127.0.0.1", resolve));
  const seedDb = createDb(config.DATABASE_URL, { max: 2, applicationName: "gateway-test-seed" });
  return {
    gateway,
    port: (gateway.server.address() as AddressInfo).port,
    upstream,
    seedDb,
    close: async () => {
      await gateway.close();
      await upstream.close();
      await seedDb.close();
    },
  };
}
