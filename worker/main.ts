import { Redis } from "ioredis";
import { loadConfig, localRuntimeEnv } from "@/lib/config";
import { createDb } from "@/lib/db";
import { createLogger } from "@/lib/log";
import { ACTIVITY_FLUSH_EVERY_MS, startActivityFlushLoop, type ActivityLoop } from "./activity-loop";
import { startBackupLoop } from "./backup-loop";
import { startRoleRepairLoop } from "./role-repair-loop";

const config = loadConfig(localRuntimeEnv());
const logger = createLogger({ service: "worker", level: config.FLUX_LOG_LEVEL });
const log = (level: "info" | "warn", msg: string, extra: Record<string, unknown> = {}) => logger[level](msg, extra);
// The worker is the one writer of projects.last_accessed_at: it connects as flux-system's owner, not as the
// gateway's read-only role.
const handle = createDb(config.DATABASE_URL, { max: 2, applicationName: "flux-worker" });
const redis = config.REDIS_URL
  ? new Redis(config.REDIS_URL, {
      enableOfflineQueue: false,
      commandTimeout: 2_000,
      maxRetriesPerRequest: 1,
      lazyConnect: false,
    })
  : null;
redis?.on("error", (err: Error) => log("warn", "redis error", { err: err.message }));

let loop: ActivityLoop | undefined;
// Daily backups per plan (created, verified, reconciled, swept); needs only the database and pg_dump.
const backupLoop = startBackupLoop({
  db: handle.db,
  config,
  onTick: (report) =>
    (report.created.length > 0 ||
      report.failed.length > 0 ||
      report.swept.length > 0 ||
      report.missing.length > 0 ||
      report.corrupted.length > 0) &&
    log(report.failed.length > 0 || report.corrupted.length > 0 ? "warn" : "info", "backup schedule ran", report),
  onError: (err) =>
    log("warn", "backup schedule failed; will retry", { err: err instanceof Error ? err.message : String(err) }),
});
// Tenant roles whose password or defaults a tenant changed are put back (rest cannot log in otherwise).
const roleRepairLoop = startRoleRepairLoop({
  db: handle.db,
  config,
  onTick: (report) =>
    (report.repaired.length > 0 || report.failed.length > 0) && log("warn", "tenant roles repaired", report),
  onError: (err) =>
    log("warn", "tenant role repair failed; will retry", { err: err instanceof Error ? err.message : String(err) }),
});
// `flux dev` stops the whole stack when a child exits, so a worker with no loop to run still stays up.
const keepAlive = redis ? undefined : setInterval(() => undefined, 60_000);
if (redis) {
  loop = startActivityFlushLoop({
    db: handle.db,
    redis,
    onFlushed: (tenants) => tenants > 0 && log("info", "activity flushed", { tenants }),
    onError: (err) =>
      log("warn", "activity flush failed; will retry", { err: err instanceof Error ? err.message : String(err) }),
  });
  log("info", "worker started", { loops: ["activity-flush"], everyMs: ACTIVITY_FLUSH_EVERY_MS });
} else {
  log("info", "REDIS_URL is not set: activity tracking (last_accessed_at) is off in this single-instance setup");
}

const shutdown = async () => {
  clearInterval(keepAlive);
  await loop?.stop().catch(() => undefined);
  await backupLoop.stop().catch(() => undefined);
  await roleRepairLoop.stop().catch(() => undefined);
  redis?.disconnect();
  await handle.close();
  process.exit(0);
};
process.once("SIGTERM", () => void shutdown());
process.once("SIGINT", () => void shutdown());
