import { entryForCode } from "./catalogue";
import { checkBackup, type LatestBackupTierLookup } from "./checks/backup";
import { checkGatewayAuth } from "./checks/gateway-auth";
import { checkPrivileges } from "./checks/privileges";
import { checkRateLimit } from "./checks/rate-limit";
import { checkRls } from "./checks/rls";
import { resolveProjectHost } from "./checks/routing";
import { checkSchema } from "./checks/schema";
import type { CheckOutcome, DiagnosisContext, WalkState } from "./checks/types";
import type { DispatchRow } from "./dispatch-rows";
import type { Diagnosis, DiagnosisLayer } from "./layers";

/**
 * Walks the layers top-down — routing → gateway_auth → rate_limit → schema → privileges → rls → backup — and
 * stops at the first that refuses. Every check reads; none writes (catalog reads and the RLS replay run in
 * rolled-back read-only transactions).
 */
export async function diagnoseRequest(
  ctx: DiagnosisContext,
  options: { dispatchRow?: DispatchRow | null; latestBackupTier?: LatestBackupTierLookup } = {},
): Promise<Diagnosis> {
  const evidence: string[] = [];
  const row = options.dispatchRow;
  if (row)
    evidence.push(
      `request ${row.requestId}: ${row.method} ${row.path} at ${row.time} → ${row.status}${row.code ? ` ${row.code}` : ""} (${row.timings.total ?? "?"} ms)`,
    );
  const stop = (layer: DiagnosisLayer, outcome: CheckOutcome): Diagnosis | null => {
    evidence.push(...outcome.evidence);
    if (!outcome.refusal) return null;
    return {
      layer,
      code: outcome.refusal.code,
      evidence: [...evidence, ...outcome.refusal.evidence],
      fix: outcome.refusal.fix,
    };
  };

  const routing = await resolveProjectHost(ctx);
  const routed = stop("routing", routing.outcome);
  if (routed || !routing.resolved) return routed ?? { layer: "routing", code: null, evidence, fix: [] };

  const auth = await checkGatewayAuth(ctx, routing.resolved);
  const refusedAuth = stop("gateway_auth", auth);
  if (refusedAuth) return refusedAuth;
  // Without the token we cannot re-verify, but the gateway recorded why it refused this very request.
  const recorded = row?.code ? entryForCode(row.code) : undefined;
  if (
    !ctx.request.token &&
    row?.code &&
    recorded &&
    (recorded.layer === "gateway_auth" || recorded.layer === "rate_limit")
  ) {
    return {
      layer: recorded.layer,
      code: row.code,
      evidence: [
        ...evidence,
        `the gateway refused this request with ${row.code}; pass --token to re-check the token itself`,
      ],
      fix: recorded.fixes,
    };
  }
  const state: WalkState = { claims: auth.claims ?? null, table: null };

  const steps: Array<[DiagnosisLayer, () => Promise<CheckOutcome>]> = [
    ["rate_limit", () => checkRateLimit(ctx)],
    ["schema", () => checkSchema(ctx, state)],
    ["privileges", () => checkPrivileges(ctx, state)],
    ["rls", () => checkRls(ctx, state)],
    ["backup", () => checkBackup(ctx.project.tenantId, ctx.project.slug, options.latestBackupTier)],
  ];
  for (const [layer, run] of steps) {
    const refused = stop(layer, await run());
    if (refused) return refused;
  }
  return { layer: "ok", code: null, evidence, fix: [] };
}
