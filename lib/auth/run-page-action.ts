import { isFluxError } from "@/lib/api/errors";
import type { ActionState } from "@/components/action-form";
import type { Ctx } from "@/lib/context";
import { getPageContextOrRedirect } from "./page-context";

/**
 * Runs one verb for a dashboard form: the verb's own FluxError message is shown to the user; anything else
 * is logged and answered with the request id, like the API's envelope.
 */
export async function runPageAction(work: (ctx: Ctx) => Promise<Omit<ActionState, "error">>): Promise<ActionState> {
  const ctx = await getPageContextOrRedirect();
  try {
    return { error: null, ...(await work(ctx)) };
  } catch (err) {
    if (isFluxError(err) && err.status < 500) return { error: err.message, message: null };
    console.error(
      JSON.stringify({ level: "error", msg: "dashboard action failed", requestId: ctx.requestId, err: String(err) }),
    );
    return { error: `That failed on our side; quote request id ${ctx.requestId} when you report it.`, message: null };
  }
}
