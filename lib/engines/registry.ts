import type { ProjectMode, ProjectPlan, TenantEngine } from "./types";
import { V1DedicatedEngine } from "./v1-dedicated/engine";
import { V2SharedEngine } from "./v2-shared/engine";
import type { PushLimits } from "./v2-shared/guardrails";

export type EngineDeps = {
  /** Superuser URL of the tenant cluster database (config.tenantDatabaseUrl). */
  tenantAdminUrl: string;
  /** Key the tenant role passwords are derived from (config's data-plane key). */
  dataPlaneKey: string;
  /** flux-system's URL (config.DATABASE_URL): control-plane locks live there, out of tenants' reach. */
  systemDatabaseUrl: string;
  /** Push limits by plan at run time; tests pass short ones (default: lib/engines/v2-shared/guardrails.ts). */
  pushLimits?: (plan: ProjectPlan) => PushLimits;
};

/** The engine for a project's explicit `mode`. The plan never chooses an engine. */
export function engineFor(mode: ProjectMode, deps: EngineDeps): TenantEngine {
  switch (mode) {
    case "v2_shared":
      return new V2SharedEngine(deps);
    case "v1_dedicated":
      return new V1DedicatedEngine();
    default:
      throw new Error(`Unknown project mode "${String(mode)}": expected v2_shared or v1_dedicated`);
  }
}
