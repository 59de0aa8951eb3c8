import { json, route } from "@/lib/api/handler";
import { idempotent } from "@/lib/api/idempotency";
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

/** Retry-safe with Idempotency-Key: a retried create answers with the first project instead of a 409. */
export const POST = route(async ({ req, ctx, body }) => {
  const input = parseInput(CreateProjectInput, await body());
  return idempotent(req, ctx, input, async () => ({
    status: 201,
    body: toProjectResponse(await createProject({ ctx, input }), ctx.config),
  }));
});
