import { json, route } from "@/lib/api/handler";
import { pageQueryFrom } from "@/lib/api/pagination";
import { listProjectAudit } from "@/lib/audit/list-project-audit";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** `flux audit --project`: newest first, paginated. */
export const GET = route<{ slug: string }>(async ({ req, ctx, params }) =>
  json(await listProjectAudit({ ctx, slug: params.slug, page: pageQueryFrom(req.nextUrl) })),
);
