import { json, route } from "@/lib/api/handler";
import { idempotent } from "@/lib/api/idempotency";
import { pageQueryFrom } from "@/lib/api/pagination";
import { parseInput } from "@/lib/api/parse-input";
import { addMember } from "@/lib/members/add-member";
import { AddMemberInput } from "@/lib/members/inputs";
import { listMembers } from "@/lib/members/list-members";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** `flux members list`: any member or platform staff. */
export const GET = route<{ slug: string }>(async ({ req, ctx, params }) =>
  json(await listMembers({ ctx, slug: params.slug, page: pageQueryFrom(req.nextUrl) })),
);

/** `flux members add`: owner only; retry-safe with Idempotency-Key. */
export const POST = route<{ slug: string }>(async ({ req, ctx, params, body }) => {
  const input = parseInput(AddMemberInput, await body());
  return idempotent(req, ctx, input, async () => ({
    status: 201,
    body: await addMember({ ctx, slug: params.slug, input }),
  }));
});
