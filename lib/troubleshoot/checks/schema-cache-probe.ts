import { BRIDGE_PLANS, mintBridgeToken, type BridgePlan } from "@/lib/jwt/bridge-token";
import type { DiagnosisContext } from "./types";

export type ProbeAnswer = { status: number; code: string | null } | { unreachable: string };

/**
 * Asks the data API itself what its schema cache holds: `GET /<table>?limit=0` with a bridge token for this
 * tenant (a read of zero rows, as the tenant role). 404 PGRST205 for a table the catalog has means the cache
 * missed a reload.
 */
export async function probeDataApi(
  ctx: DiagnosisContext,
  table: string,
  claims: Record<string, unknown>,
): Promise<ProbeAnswer> {
  const plan: BridgePlan | undefined = (BRIDGE_PLANS as readonly string[]).includes(ctx.project.plan)
    ? (ctx.project.plan as BridgePlan)
    : undefined;
  const token = await mintBridgeToken(
    { role: ctx.ids.role, tenant_id: ctx.project.tenantId, claims, ...(plan ? { plan } : {}) },
    new TextEncoder().encode(ctx.bridgeSecret),
    30,
  );
  try {
    const res = await fetch(`${ctx.restUrl}/${encodeURIComponent(table)}?limit=0`, {
      headers: {
        authorization: `Bearer ${token}`,
        "accept-profile": ctx.ids.schema,
        "x-request-id": `diag_${Date.now()}`,
      },
      signal: AbortSignal.timeout(3_000),
    });
    const body = (await res.json().catch(() => null)) as { code?: unknown } | null;
    return { status: res.status, code: typeof body?.code === "string" ? body.code : null };
  } catch (error) {
    return { unreachable: error instanceof Error ? error.message : String(error) };
  }
}
