import { json, route } from "@/lib/api/handler";
import { idempotent } from "@/lib/api/idempotency";
import { parseInput } from "@/lib/api/parse-input";
import { addDomain } from "@/lib/domains/add-domain";
import { AddDomainInput } from "@/lib/domains/inputs";
import { listDomains } from "@/lib/domains/list-domains";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** `flux domains list --project`: every member may list. */
export const GET = route<{ slug: string }>(async ({ ctx, params }) =>
  json({ data: await listDomains({ ctx, slug: params.slug }) }),
);

/** `flux domains add <hostname>`: claims the hostname and answers with the TXT record that proves ownership; retry-safe with Idempotency-Key. */
export const POST = route<{ slug: string }>(async ({ req, ctx, params, body }) => {
  const input = parseInput(AddDomainInput, await body());
  return idempotent(req, ctx, input, async () => ({
    status: 201,
    body: await addDomain({ ctx, slug: params.slug, input }),
  }));
});
