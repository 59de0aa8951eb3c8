"use server";

import type { DiagnoseState } from "@/components/diagnose-form";
import { isFluxError } from "@/lib/api/errors";
import { getPageContextOrRedirect } from "@/lib/auth/page-context";
import { backupTierLookup } from "@/lib/troubleshoot/checks/backup";
import { diagnoseProjectRequest } from "@/lib/troubleshoot/diagnose-project-request";
import { gatewayViewOnce } from "@/lib/troubleshoot/gateway-view";

/** The Troubleshoot tab's form: the same verb as POST /api/v1/projects/[slug]/diagnose. */
export async function diagnoseAction(slug: string, _previous: DiagnoseState, form: FormData): Promise<DiagnoseState> {
  const ctx = await getPageContextOrRedirect();
  const field = (name: string) => {
    const value = String(form.get(name) ?? "").trim();
    return value === "" ? undefined : value;
  };
  const input = {
    request: field("request"),
    token: field("token"),
    host: field("host"),
    requestId: field("requestId"),
  };
  try {
    const diagnosis = await diagnoseProjectRequest({
      ctx,
      slug,
      input: Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined)),
      gateway: gatewayViewOnce(process.env),
      latestBackupTier: backupTierLookup(ctx),
    });
    return { error: null, diagnosis };
  } catch (err) {
    if (isFluxError(err) && err.status < 500) return { error: err.message, diagnosis: null };
    console.error(
      JSON.stringify({ level: "error", msg: "diagnosis failed", requestId: ctx.requestId, err: String(err) }),
    );
    return { error: `That failed on our side; quote request id ${ctx.requestId} when you report it.`, diagnosis: null };
  }
}
