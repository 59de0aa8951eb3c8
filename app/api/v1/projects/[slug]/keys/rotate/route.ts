import { json, route } from "@/lib/api/handler";
import { parseInput } from "@/lib/api/parse-input";
import { RotateSecretInput } from "@/lib/project-keys/inputs";
import { rotateProjectSecret } from "@/lib/project-keys/rotate-project-secret";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** `flux secrets rotate --project <slug> [--grace 30m]` (owner only). The new secret is not returned: reveal it. */
export const POST = route<{ slug: string }>(async ({ ctx, params, body }) => {
  const input = parseInput(RotateSecretInput, await body());
  return json(await rotateProjectSecret({ ctx, slug: params.slug, input }));
});
