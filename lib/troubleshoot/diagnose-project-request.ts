import { FluxError } from "@/lib/api/errors";
import { parseInput } from "@/lib/api/parse-input";
import { readyControlPlaneRedis } from "@/lib/cache/control-plane-redis";
import type { Ctx } from "@/lib/context";
import type { Database } from "@/lib/db";
import { engineOf, engineProjectOf } from "@/lib/projects/engine";
import { getProjectForActorOrThrow } from "@/lib/projects/get-project-for-actor-or-throw";
import type { LatestBackupTierLookup } from "./checks/backup";
import { diagnoseRequest } from "./diagnose-request";
import { findDispatchRow, type DispatchRow } from "./dispatch-rows";
import { DiagnoseInput } from "./inputs";
import type { Diagnosis } from "./layers";
import { requestUnderTest } from "./request-under-test";

export type GatewayView = { leewaySeconds: number; rateLimitMultiplier: number };
export const DEFAULT_GATEWAY_VIEW: GatewayView = { leewaySeconds: 30, rateLimitMultiplier: 1 };

/**
 * Diagnoses one failing request of a project for its members and platform staff (support, admin). Reads
 * only: flux-system, the tenant catalog, Redis counters and dispatch rows, the data API's schema cache, and a
 * rolled-back replay as the tenant role.
 */
export async function diagnoseProjectRequest({
  ctx,
  slug,
  input,
  gateway = DEFAULT_GATEWAY_VIEW,
  latestBackupTier,
}: {
  ctx: Ctx;
  slug: string;
  input: unknown;
  gateway?: GatewayView;
  latestBackupTier?: LatestBackupTierLookup;
}): Promise<Diagnosis> {
  const access = await getProjectForActorOrThrow(ctx, slug);
  const parsed = parseInput(DiagnoseInput, input);
  const { project } = access;
  if (project.status === "provisioning" || project.status === "failed") {
    throw new FluxError(
      "conflict",
      `Project '${project.slug}' is ${project.status}; there is no tenant schema to diagnose yet.`,
    );
  }
  const redis = ctx.config.REDIS_URL ? await readyControlPlaneRedis(ctx.config.REDIS_URL) : undefined;
  let row: DispatchRow | null = null;
  if (parsed.requestId) {
    if (!redis)
      throw new FluxError(
        "unavailable",
        "Request ids can be looked up only when the gateway shares its dispatch rows through Redis: set REDIS_URL for the gateway and the dashboard.",
      );
    row = await findDispatchRow(redis, project.tenantId, parsed.requestId).catch((cause: unknown) => {
      throw new FluxError(
        "unavailable",
        "Redis does not answer, so the gateway's dispatch rows cannot be read; retry, or diagnose with --request and --token.",
        { cause },
      );
    });
    if (!row)
      throw new FluxError(
        "not_found",
        `No recent request '${parsed.requestId}' of project '${project.slug}' (rows are kept one hour); check the X-Request-ID header of the response.`,
      );
  }
  let request;
  try {
    request = requestUnderTest(parsed, row);
  } catch (error) {
    throw new FluxError("bad_request", error instanceof Error ? error.message : String(error));
  }
  const credentials = engineOf(ctx, project.mode).getCredentials(engineProjectOf(project, access.clusterDatabaseUrl));
  return diagnoseRequest(
    {
      project,
      ids: credentials,
      request,
      db: ctx.db as Database,
      masterKey: ctx.config.FLUX_MASTER_KEY,
      baseDomain: ctx.config.FLUX_BASE_DOMAIN,
      tenantAdminUrl: ctx.config.tenantDatabaseUrl,
      apiDatabaseUrl: credentials.apiDatabaseUrl,
      restUrl: ctx.config.restUrl,
      bridgeSecret: ctx.config.FLUX_BRIDGE_SECRET,
      gateway,
      redis,
      now: Date.now,
    },
    { dispatchRow: row, latestBackupTier },
  );
}
