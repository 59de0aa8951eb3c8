import { ConfigError, loadConfig, localRuntimeEnv } from "@/lib/config";
import { createLogger } from "./log";
import { createRestServer } from "./server";

/** `rest` process entry: loopback only (the gateway is the public surface), graceful stop on SIGTERM/SIGINT. */
async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig(localRuntimeEnv());
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
  const logger = createLogger(config.FLUX_LOG_LEVEL);
  const rest = createRestServer(config, { logger });
  rest.server.listen(config.FLUX_REST_PORT, "127.0.0.1", () => {
    logger.info("rest listening", { url: `http://127.0.0.1:${config.FLUX_REST_PORT}` });
  });
  rest.server.on("error", (error) => {
    logger.error("rest server failed", { error: error.message });
    process.exit(1);
  });

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info("rest stopping", { signal });
    // In-flight requests get a bounded grace period; then the process exits regardless.
    setTimeout(() => process.exit(1), 10_000).unref();
    void rest.close().then(() => process.exit(0));
  };
  process.on("SIGTERM", () => stop("SIGTERM"));
  process.on("SIGINT", () => stop("SIGINT"));
}

void main();
