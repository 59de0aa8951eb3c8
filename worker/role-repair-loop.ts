import type { FluxConfig } from "@/lib/config";
import type { Database } from "@/lib/db";
import { reconcileTenantRoles, type RoleReconcileReport } from "@/lib/projects/reconcile-tenant-roles";

/**
 * A tenant that changes its role's password locks rest out until this runs (rest also asks for a repair on
 * 28P01, lib/engines/repair-tenant-login.ts), so the sweep is frequent; it costs one catalog read when
 * nothing changed.
 */
export const ROLE_REPAIR_EVERY_MS = 30_000;

export type RoleRepairLoop = { stop: () => Promise<void> };

/** Runs reconcileTenantRoles at start and then every ROLE_REPAIR_EVERY_MS; a tick still running skips the next. */
export function startRoleRepairLoop(deps: {
  db: Database;
  config: FluxConfig;
  everyMs?: number;
  onTick?: (report: RoleReconcileReport) => void;
  onError?: (error: unknown) => void;
}): RoleRepairLoop {
  let running: Promise<void> | undefined;
  const tick = (): Promise<void> =>
    (running ??= reconcileTenantRoles({ db: deps.db, config: deps.config })
      .then((report) => deps.onTick?.(report))
      .catch((error: unknown) => deps.onError?.(error))
      .finally(() => {
        running = undefined;
      }));
  void tick();
  const timer = setInterval(() => void tick(), deps.everyMs ?? ROLE_REPAIR_EVERY_MS);
  return {
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}
