import { json, route } from "@/lib/api/handler";
import { endSecretGrace } from "@/lib/project-keys/end-secret-grace";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** `flux secrets end-grace --project <slug>` (owner only): the previous secret is refused from now on. */
export const POST = route<{ slug: string }>(async ({ ctx, params }) =>
  json(await endSecretGrace({ ctx, slug: params.slug })),
);
