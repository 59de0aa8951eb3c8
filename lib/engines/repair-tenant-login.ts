import type { FluxConfig } from "@/lib/config";
import { engineFor } from "./registry";
import type { ProjectPlan } from "./types";

/**
 * For a process that logs in as a tenant role and is refused with 28P01 (invalid_password): the tenant changed
 * its role's password (`ALTER ROLE CURRENT_USER PASSWORD …` from /rpc or a push). Puts the derived password,
 * expiry and the plan's defaults back and says what was repaired; the caller retries its login once. Repairs
 * of one tenant queue on a flux-system lock, so a burst of failing logins repairs once and the rest find
 * nothing to do.
 */
export async function repairTenantLogin(
  config: Pick<FluxConfig, "tenantDatabaseUrl" | "FLUX_DATA_PLANE_KEY" | "DATABASE_URL">,
  tenant: { tenantId: string; plan: ProjectPlan },
): Promise<string[]> {
  const engine = engineFor("v2_shared", {
    tenantAdminUrl: config.tenantDatabaseUrl,
    dataPlaneKey: config.FLUX_DATA_PLANE_KEY,
    systemDatabaseUrl: config.DATABASE_URL,
  });
  return engine.repairRoles({
    tenantId: tenant.tenantId,
    mode: "v2_shared",
    plan: tenant.plan,
    clusterDatabaseUrl: config.tenantDatabaseUrl,
  });
}
