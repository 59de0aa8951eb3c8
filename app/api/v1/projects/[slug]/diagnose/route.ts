import { json, route } from "@/lib/api/handler";
import { backupTierLookup } from "@/lib/troubleshoot/checks/backup";
import { diagnoseProjectRequest } from "@/lib/troubleshoot/diagnose-project-request";
import { gatewayViewOnce } from "@/lib/troubleshoot/gateway-view";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/**
 * `flux diagnose`: the first layer that refuses a request, with evidence and a fix (members and support).
 * POST because the body may carry a token; nothing is written and the token is neither stored nor echoed.
 */
export const POST = route<{ slug: string }>(async ({ ctx, params, body }) => {
  const diagnosis = await diagnoseProjectRequest({
    ctx,
    slug: params.slug,
    input: await body(),
    gateway: gatewayViewOnce(process.env),
    latestBackupTier: backupTierLookup(ctx),
  });
  const response = json(diagnosis);
  response.headers.set("cache-control", "no-store");
  return response;
});
