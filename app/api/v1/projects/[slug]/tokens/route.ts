import { json, route } from "@/lib/api/handler";
import { parseInput } from "@/lib/api/parse-input";
import { ProjectTokenInput } from "@/lib/projects/inputs";
import { issueProjectToken } from "@/lib/projects/issue-project-token";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** `flux token create`: a project JWT for trying the data API. */
export const POST = route<{ slug: string }>(async ({ ctx, params, body }) => {
  const input = parseInput(ProjectTokenInput, await body());
  const minted = await issueProjectToken({ ctx, slug: params.slug, input });
  return json({ token: minted.token, expiresAt: minted.expiresAt.toISOString(), role: minted.role }, 201);
});
