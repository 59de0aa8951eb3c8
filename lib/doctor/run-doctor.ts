import { loadGatewaySettings, type GatewaySettings } from "@/gateway/config";
import { loadConfig, type FluxConfig } from "@/lib/config";
import { checkPublicUrls, checkSecrets, checkTrustProxy } from "./config-checks";
import { checkFluxSystem, checkPgTools } from "./database-checks";
import { checkClockSkew, checkGatewayPort, checkRedis, checkUpstreams } from "./network-checks";
import { fail, pass, type DoctorRow } from "./types";

/** Every platform check of `flux doctor`, in order; configuration first, because the rest depend on it. */
export async function runDoctor(env: Record<string, string | undefined>): Promise<DoctorRow[]> {
  let config: FluxConfig;
  let gateway: GatewaySettings;
  try {
    config = loadConfig(env);
    gateway = loadGatewaySettings(env);
  } catch (error) {
    return [fail("config", error instanceof Error ? error.message : String(error))];
  }
  const upstreams = gateway.FLUX_REST_UPSTREAMS.length > 0 ? gateway.FLUX_REST_UPSTREAMS : [config.restUrl];
  const [system, tools, redis, ready, port, clocks] = await Promise.all([
    checkFluxSystem(config.DATABASE_URL),
    checkPgTools(config.tenantDatabaseUrl),
    checkRedis(config.REDIS_URL),
    checkUpstreams(upstreams),
    checkGatewayPort(config.FLUX_GATEWAY_PORT, config.gatewayUrl),
    checkClockSkew(
      [{ name: "gateway", url: config.gatewayUrl }, ...upstreams.map((url) => ({ name: `rest ${url}`, url }))],
      gateway.FLUX_GATEWAY_JWT_LEEWAY_S,
    ),
  ]);
  return [
    pass("config", "the environment parses (flux and gateway settings)"),
    ...system,
    ...tools,
    redis,
    ...ready,
    port,
    checkSecrets(config, gateway),
    checkPublicUrls(config, env),
    checkTrustProxy(config, gateway),
    ...clocks,
  ];
}
