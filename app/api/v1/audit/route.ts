import { json, route } from "@/lib/api/handler";
import { pageQueryFrom } from "@/lib/api/pagination";
import { listPlatformAudit } from "@/lib/audit/list-platform-audit";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** `flux audit` without --project: the platform-wide log, admins only. */
export const GET = route(async ({ req, ctx }) =>
  json(await listPlatformAudit({ ctx, page: pageQueryFrom(req.nextUrl) })),
);
