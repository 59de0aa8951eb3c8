import { json, route } from "@/lib/api/handler";
import { unsetEnv } from "@/lib/env/unset-env";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** `flux env unset`: owner or developer. */
export const DELETE = route<{ slug: string; key: string }>(async ({ ctx, params }) =>
  json(await unsetEnv({ ctx, slug: params.slug, key: decodeURIComponent(params.key) })),
);
