import { json, route } from "@/lib/api/handler";
import { removeMember } from "@/lib/members/remove-member";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** `flux members remove`: owner only; the last owner cannot be removed. */
export const DELETE = route<{ slug: string; email: string }>(async ({ ctx, params }) =>
  json(await removeMember({ ctx, slug: params.slug, input: { email: decodeURIComponent(params.email) } })),
);
