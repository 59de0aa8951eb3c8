import { json, route } from "@/lib/api/handler";
import { listProjectKeys } from "@/lib/project-keys/list-project-keys";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** The project's JWT keys with state (current / previous / revoked) and dates; never secret values. */
export const GET = route<{ slug: string }>(async ({ ctx, params }) =>
  json(await listProjectKeys({ ctx, slug: params.slug })),
);
