import { json, route } from "@/lib/api/handler";
import { createProject } from "@/lib/projects/create-project";
import { CreateProjectInput } from "@/lib/projects/inputs";
import { listProjectsForActor } from "@/lib/projects/list-projects-for-actor";
import { toProjectResponse } from "@/lib/projects/to-project-response";
import { parseInput } from "@/lib/api/parse-input";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export const GET = route(async ({ ctx }) => {
  const rows = await listProjectsForActor({ ctx });
  return json({ data: rows.map((row) => toProjectResponse(row, ctx.config)) });
});

export const POST = route(async ({ ctx, body }) => {
  const input = parseInput(CreateProjectInput, await body());
  const project = await createProject({ ctx, input });
  return json(toProjectResponse(project, ctx.config), 201);
});
