import { json, route } from "@/lib/api/handler";
import { listProjectAdvisors } from "@/lib/advisors/list-project-advisors";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** `flux advisors`: lints over the tenant schema (security, performance), with dismissed findings marked. */
export const GET = route<{ slug: string }>(async ({ ctx, params }) =>
  json(await listProjectAdvisors({ ctx, slug: params.slug })),
);
