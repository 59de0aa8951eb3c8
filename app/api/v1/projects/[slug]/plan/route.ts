import { json, route } from "@/lib/api/handler";
import { parseInput } from "@/lib/api/parse-input";
import { changeProjectPlan } from "@/lib/projects/change-project-plan";
import { ChangePlanInput } from "@/lib/projects/inputs";
import { toProjectResponse } from "@/lib/projects/to-project-response";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** `flux projects plan <slug> --to pro` (owner only): guardrails and rate limit follow, mode does not change. */
export const POST = route<{ slug: string }>(async ({ ctx, params, body }) => {
  const input = parseInput(ChangePlanInput, await body());
  return json(toProjectResponse(await changeProjectPlan({ ctx, slug: params.slug, input }), ctx.config));
});
