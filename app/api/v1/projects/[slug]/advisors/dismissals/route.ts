import { json, route } from "@/lib/api/handler";
import { dismissAdvisorFinding } from "@/lib/advisors/dismiss-advisor-finding";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** Dismiss one advisor finding by its key (owners and developers). */
export const POST = route<{ slug: string }>(async ({ ctx, params, body }) =>
  json(await dismissAdvisorFinding({ ctx, slug: params.slug, input: await body() }), 201),
);
