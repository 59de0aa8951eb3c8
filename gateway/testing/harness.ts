import type { AddressInfo } from "node:net";
import { loadConfig } from "@/lib/config";
import { createDb, type DbHandle } from "@/lib/db";
import { loadGatewaySettings } from "../config";
import { silentLogger } from "../log";
import { createGateway, type Gateway, type GatewayDeps } from "../server";
import { startFakeUpstream } from "./fake-upstream";

export type TestGateway = {
  port: number;
  upstream: Awaited<ReturnType<typeof startFakeUpstream>>;
  gateway: Gateway;
  /** A separate flux-system handle for seeding rows; the gateway itself only reads. */
  seedDb: DbHandle;
  close: () => Promise<void>;
};

/** Fast timeouts so failure tests finish quickly; anything else is the production default unless `env` says so. */
const TEST_ENV = {
  FLUX_GATEWAY_CONNECT_TIMEOUT_MS: "500",
  FLUX_GATEWAY_UPSTREAM_TIMEOUT_MS: "2000",
  FLUX_GATEWAY_HEADERS_TIMEOUT_MS: "1000",
  FLUX_GATEWAY_REQUEST_TIMEOUT_MS: "3000",
  FLUX_GATEWAY_BODY_IDLE_TIMEOUT_MS: "500",
  // Tests that are not about Redis faults must not see a late answer on a loaded machine as a failure.
  FLUX_GATEWAY_REDIS_COMMAND_TIMEOUT_MS: "1000",
};

/**
 * A real gateway on port 0 in front of a fake rest on port 0, reading the run's fresh flux-system database.
 * `env` holds gateway settings (FLUX_GATEWAY_*, FLUX_TRUST_PROXY, …) and shared ones (FLUX_BODY_LIMIT_BYTES);
 * `redisUrl` overrides the run's REDIS_URL (null: no Redis, in-process services).
 */
export async function startTestGateway(
  options: { restUrl?: string; env?: Record<string, string>; deps?: GatewayDeps; redisUrl?: string | null } = {},
): Promise<TestGateway> {
  const upstream = await startFakeUpstream(process.env.FLUX_BRIDGE_SECRET ?? "");
  const redisUrl = options.redisUrl === undefined ? process.env.REDIS_URL : (options.redisUrl ?? undefined);
  const env = {
    ...process.env,
    REDIS_URL: redisUrl,
    FLUX_REST_URL: options.restUrl ?? upstream.url,
    FLUX_BASE_DOMAIN: "localhost",
    ...TEST_ENV,
    ...options.env,
  };
  const config = loadConfig(env);
  const gateway = createGateway(config, {
    settings: loadGatewaySettings(env),
    logger: silentLogger,
    drainTimeoutMs: 1_000,
    ...options.deps,
  });
  await new Promise<void>((resolve) => gateway.server.listen(0, "127.0.0.1", resolve));
  // Seeding always talks to the real flux-system, even when the gateway's own DATABASE_URL goes through a relay.
  const seedDb = createDb(process.env.DATABASE_URL ?? config.DATABASE_URL, {
    max: 2,
    applicationName: "gateway-test-seed",
  });
  return {
    port: (gateway.server.address() as AddressInfo).port,
    upstream,
    gateway,
    seedDb,
    close: async () => {
      await gateway.close();
      await upstream.close();
      await seedDb.close();
    },
  };
}
