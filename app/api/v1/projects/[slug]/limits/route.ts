import { json, route } from "@/lib/api/handler";
import { parseInput } from "@/lib/api/parse-input";
import { ProjectLimitsInput } from "@/lib/projects/inputs";
import { setProjectRateLimit } from "@/lib/projects/set-project-rate-limit";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** `flux projects limits`: set or reset the project's requests-per-minute budget (owner only). */
export const PATCH = route<{ slug: string }>(async ({ ctx, params, body }) => {
  const input = parseInput(ProjectLimitsInput, await body());
  return json(await setProjectRateLimit({ ctx, slug: params.slug, input }));
});
