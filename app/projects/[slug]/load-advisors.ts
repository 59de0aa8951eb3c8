import { isFluxError } from "@/lib/api/errors";
import type { Ctx } from "@/lib/context";
import { listProjectAdvisors, type ProjectAdvisorFinding } from "@/lib/advisors/list-project-advisors";

/** Findings for a page, or a line saying why there are none to show (project not active, tenant unreachable). */
export async function loadAdvisors(ctx: Ctx, slug: string): Promise<ProjectAdvisorFinding[] | { error: string }> {
  try {
    return await listProjectAdvisors({ ctx, slug });
  } catch (err) {
    if (isFluxError(err) && err.status < 500) return { error: err.message };
    console.error(
      JSON.stringify({ level: "error", msg: "advisors failed", requestId: ctx.requestId, err: String(err) }),
    );
    return { error: `The advisors could not run; quote request id ${ctx.requestId} when you report it.` };
  }
}
