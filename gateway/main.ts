// Entry point of the gateway process: `tsx gateway/main.ts` (started by `flux dev` / `npm run dev`).
import { loadConfig, localRuntimeEnv } from "@/lib/config";
import { loadGatewaySettings } from "./config";
import { jsonLineLogger } from "./log";
import { createGateway } from "./server";

const logger = jsonLineLogger();

async function main(): Promise<void> {
  const env = localRuntimeEnv();
  const config = loadConfig(env);
  const settings = loadGatewaySettings(env);
  const log = jsonLineLogger(config.FLUX_LOG_LEVEL);
  const gateway = createGateway(config, { settings, logger: log });

  await new Promise<void>((resolve, reject) => {
    gateway.server.once("error", reject);
    gateway.server.listen(config.FLUX_GATEWAY_PORT, () => resolve());
  });
  log({
    level: "info",
    msg: "gateway listening",
    port: config.FLUX_GATEWAY_PORT,
    upstreams: settings.FLUX_REST_UPSTREAMS.length > 0 ? settings.FLUX_REST_UPSTREAMS.length : 1,
    trustProxy: settings.FLUX_TRUST_PROXY,
    metrics: settings.FLUX_GATEWAY_METRICS,
    debug: settings.FLUX_GATEWAY_DEBUG,
    baseDomain: config.FLUX_BASE_DOMAIN,
    rateLimitMultiplier: settings.FLUX_RATE_LIMIT_MULTIPLIER,
    // Without REDIS_URL, caches and counters are per process: run a single instance.
    sharedState: config.REDIS_URL ? "redis" : "in-process",
  });

  if (settings.FLUX_GATEWAY_DEBUG) {
    log({
      level: "warn",
      msg: "debug mode is on: /__flux/debug serves a redacted snapshot to holders of the internal token",
    });
  }

  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    log({ level: "info", msg: "gateway stopping; draining in-flight requests", signal });
    gateway.close().then(
      () => {
        log({ level: "info", msg: "gateway stopped" });
        process.exit(0);
      },
      (error: unknown) => {
        log({ level: "error", msg: "gateway stopped uncleanly", err: String(error) });
        process.exit(1);
      },
    );
  };
  process.on("SIGTERM", stop);
  process.on("SIGINT", stop);
}

main().catch((error: unknown) => {
  logger({
    level: "error",
    msg: "gateway failed to start",
    err: error instanceof Error ? error.message : String(error),
  });
  process.exit(1);
});
