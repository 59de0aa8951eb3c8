import { json, route } from "@/lib/api/handler";
import { setProjectSuspended } from "@/lib/projects/set-project-suspended";
import { toProjectResponse } from "@/lib/projects/to-project-response";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** `flux projects suspend <slug>` (owner, or a platform admin for any project); idempotent. */
export const POST = route<{ slug: string }>(async ({ ctx, params }) =>
  json(toProjectResponse(await setProjectSuspended({ ctx, slug: params.slug, suspended: true }), ctx.config)),
);
