import type { ProjectPlan } from "@/lib/engines/types";

/**
 * Backups each plan gets: the worker takes (and verifies) one every `everyHours`, and retention removes
 * artifacts older than `keepDays` beyond the newest `keepAtLeast`. The newest restorable backup is never
 * swept, so the gate and `restore --into` always keep a way out.
 */
export const BACKUP_POLICY: Record<ProjectPlan, { everyHours: number; keepDays: number; keepAtLeast: number }> = {
  free: { everyHours: 24, keepDays: 7, keepAtLeast: 3 },
  pro: { everyHours: 24, keepDays: 30, keepAtLeast: 7 },
  enterprise: { everyHours: 24, keepDays: 90, keepAtLeast: 14 },
};

/** A deleted project's backups are its owner's way back (`restore --into`): kept for the longest window. */
export const ORPHAN_POLICY = BACKUP_POLICY.enterprise;
