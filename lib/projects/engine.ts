import type { Ctx } from "@/lib/context";
import { engineFor } from "@/lib/engines/registry";
import type { EngineProject, TenantEngine } from "@/lib/engines/types";
import type { ProjectRow } from "./types";

/** The engine for a project's explicit mode (never its plan), built from the request's config. */
export function engineOf(ctx: Pick<Ctx, "config" | "engines">, mode: ProjectRow["mode"]): TenantEngine {
  if (ctx.engines) return ctx.engines(mode);
  return engineFor(mode, {
    tenantAdminUrl: ctx.config.tenantDatabaseUrl,
    dataPlaneKey: ctx.config.FLUX_DATA_PLANE_KEY,
    systemDatabaseUrl: ctx.config.DATABASE_URL,
  });
}

export function engineProjectOf(
  project: Pick<ProjectRow, "tenantId" | "mode" | "plan">,
  clusterDatabaseUrl: string,
): EngineProject {
  return { tenantId: project.tenantId, mode: project.mode, plan: project.plan, clusterDatabaseUrl };
}
