import { json, route } from "@/lib/api/handler";
import { pageQueryFrom } from "@/lib/api/pagination";
import { parseInput } from "@/lib/api/parse-input";
import { SetEnvInput } from "@/lib/env/inputs";
import { listEnv } from "@/lib/env/list-env";
import { setEnv } from "@/lib/env/set-env";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** `flux env list`: secret values are never in the answer. */
export const GET = route<{ slug: string }>(async ({ req, ctx, params }) =>
  json(await listEnv({ ctx, slug: params.slug, page: pageQueryFrom(req.nextUrl) })),
);

/** `flux env set`: create or replace one variable (owner or developer). Setting twice is harmless. */
export const PUT = route<{ slug: string }>(async ({ ctx, params, body }) => {
  const input = parseInput(SetEnvInput, await body());
  return json(await setEnv({ ctx, slug: params.slug, input }));
});
