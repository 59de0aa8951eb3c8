import { idempotent } from "@/lib/api/idempotency";
import { route } from "@/lib/api/handler";
import { parseInput } from "@/lib/api/parse-input";
import { RotateSecretInput } from "@/lib/project-keys/inputs";
import { rotateProjectSecret } from "@/lib/project-keys/rotate-project-secret";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/**
 * `flux secrets rotate --project <slug> [--grace 30m]` (owner only). The new secret is not returned: reveal it.
 * With Idempotency-Key a retried rotation replays the first answer instead of rotating twice, which would push the
 * secret clients are still switching from out of the grace period.
 */
export const POST = route<{ slug: string }>(async ({ req, ctx, params, body }) => {
  const input = parseInput(RotateSecretInput, await body());
  return idempotent(req, ctx, input, async () => ({
    status: 200,
    body: await rotateProjectSecret({ ctx, slug: params.slug, input }),
  }));
});
