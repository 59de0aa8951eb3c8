import { json, route } from "@/lib/api/handler";
import { getProjectForActorOrThrow } from "@/lib/projects/get-project-for-actor-or-throw";
import { toProjectResponse } from "@/lib/projects/to-project-response";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export const GET = route<{ slug: string }>(async ({ ctx, params }) => {
  const { project } = await getProjectForActorOrThrow(ctx, params.slug);
  return json(toProjectResponse(project, ctx.config));
});
