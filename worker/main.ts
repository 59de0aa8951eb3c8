import { Redis } from "ioredis";
import { loadConfig, localRuntimeEnv } from "@/lib/config";
import { createDb } from "@/lib/db";
import { createLogger } from "@/lib/log";
import { flushActivity } from "./activity-flush";

const FLUSH_EVERY_MS = 30_000;

const config = loadConfig(localRuntimeEnv());
const logger = createLogger({ service: "worker", level: config.FLUX_LOG_LEVEL });
const log = (level: "info" | "warn", msg: string, extra: Record<string, unknown> = {}) => logger[level](msg, extra);
const handle = createDb(config.DATABASE_URL, { max: 2, applicationName: "flux-worker" });
const redis = config.REDIS_URL
  ? new Redis(config.REDIS_URL, { enableOfflineQueue: false, commandTimeout: 2_000, maxRetriesPerRequest: 1, lazyConnect: false })
  : null;
redis?.on("error", (err: Error) => log("warn", "redis error", { err: err.message }));

if (!redis) log("info", "REDIS_URL is not set: activity tracking (last_accessed_at) is off in this single-instance setup");

const timer = setInterval(() => {
  if (!redis) return;
  flushActivity({ db: handle.db, redis })
    .then((count) => count > 0 && log("info", "activity flushed", { tenants: count }))
    .catch((err: Error) => log("warn", "activity flush failed; will retry", { err: err.message }));
}, FLUSH_EVERY_MS);

log("info", "worker started", { loops: ["activity-flush"], everyMs: FLUSH_EVERY_MS });

const shutdown = async () => {
  clearInterval(timer);
  redis?.disconnect();
  await handle.close();
  process.exit(0);
};
process.once("SIGTERM", shutdown);
process.once("SIGINT", shutdown);
