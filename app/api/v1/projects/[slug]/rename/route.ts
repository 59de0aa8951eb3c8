import { json, route } from "@/lib/api/handler";
import { RenameProjectInput } from "@/lib/projects/inputs";
import { renameProject } from "@/lib/projects/rename-project";
import { parseInput } from "@/lib/api/parse-input";
import { toProjectResponse } from "@/lib/projects/to-project-response";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** `flux projects rename <slug> --to <new-slug>` (owner only): the old Service URL answers 404 from now on. */
export const POST = route<{ slug: string }>(async ({ ctx, params, body }) => {
  const input = parseInput(RenameProjectInput, await body());
  return json(toProjectResponse(await renameProject({ ctx, slug: params.slug, input }), ctx.config));
});
