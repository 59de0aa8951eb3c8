import type { FluxConfig } from "@/lib/config";
import type { Database } from "@/lib/db";
import { runScheduledBackups, type ScheduleReport } from "@/lib/backups/run-scheduled-backups";

/** The schedule is daily per plan; checking hourly means a project is backed up within an hour of falling due. */
export const BACKUP_TICK_EVERY_MS = 3_600_000;

export type BackupLoop = { stop: () => Promise<void> };

/**
 * Runs the backup schedule (create + verify due projects, reconcile, retention) once at start and then every
 * hour. A tick that finds the previous one still running is skipped; failures are reported and retried next tick.
 */
export function startBackupLoop(deps: {
  db: Database;
  config: FluxConfig;
  everyMs?: number;
  onTick?: (report: ScheduleReport) => void;
  onError?: (error: unknown) => void;
}): BackupLoop {
  let running: Promise<void> | undefined;
  const tick = (): Promise<void> =>
    (running ??= runScheduledBackups({ db: deps.db, config: deps.config })
      .then((report) => deps.onTick?.(report))
      .catch((error: unknown) => deps.onError?.(error))
      .finally(() => {
        running = undefined;
      }));
  void tick();
  const timer = setInterval(() => void tick(), deps.everyMs ?? BACKUP_TICK_EVERY_MS);
  return {
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}
