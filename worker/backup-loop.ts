import type { FluxConfig } from "@/lib/config";
import type { Database } from "@/lib/db";
import { runScheduledBackups, type ScheduleReport } from "@/lib/backups/run-scheduled-backups";
import { startTickLoop, type TickLoop } from "./tick-loop";

/** The schedule is daily per plan; checking hourly means a project is backed up within an hour of falling due. */
export const BACKUP_TICK_EVERY_MS = 3_600_000;

export type BackupLoop = TickLoop;

/**
 * Runs the backup schedule (create + verify due projects, reconcile — which re-hashes every validated artifact —
 * and retention) once at start and then every hour.
 */
export function startBackupLoop(deps: {
  db: Database;
  config: FluxConfig;
  everyMs?: number;
  onTick?: (report: ScheduleReport) => void;
  onError?: (error: unknown) => void;
}): BackupLoop {
  return startTickLoop({
    tick: () => runScheduledBackups({ db: deps.db, config: deps.config }),
    everyMs: deps.everyMs ?? BACKUP_TICK_EVERY_MS,
    onTick: deps.onTick,
    onError: deps.onError,
  });
}
