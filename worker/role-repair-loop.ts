import type { FluxConfig } from "@/lib/config";
import type { Database } from "@/lib/db";
import { reconcileTenantRoles, type RoleReconcileReport } from "@/lib/projects/reconcile-tenant-roles";
import { startTickLoop, type TickLoop } from "./tick-loop";

/**
 * A tenant that changes its role's password locks rest out until this runs (rest also asks for a repair on
 * 28P01, lib/engines/repair-tenant-login.ts), so the sweep is frequent; it costs one catalog read when
 * nothing changed.
 */
export const ROLE_REPAIR_EVERY_MS = 30_000;

/** Runs reconcileTenantRoles at start and then every ROLE_REPAIR_EVERY_MS. */
export function startRoleRepairLoop(deps: {
  db: Database;
  config: FluxConfig;
  everyMs?: number;
  onTick?: (report: RoleReconcileReport) => void;
  onError?: (error: unknown) => void;
}): TickLoop {
  return startTickLoop({
    tick: () => reconcileTenantRoles({ db: deps.db, config: deps.config }),
    everyMs: deps.everyMs ?? ROLE_REPAIR_EVERY_MS,
    onTick: deps.onTick,
    onError: deps.onError,
  });
}
