import { json, route } from "@/lib/api/handler";
import { parseInput } from "@/lib/api/parse-input";
import { addDomain } from "@/lib/domains/add-domain";
import { AddDomainInput } from "@/lib/domains/inputs";
import { listDomains } from "@/lib/domains/list-domains";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** `flux domains list --project`: every member may list. */
export const GET = route<{ slug: string }>(async ({ ctx, params }) => json({ data: await listDomains({ ctx, slug: params.slug }) }));

/** `flux domains add <hostname>`: claims the hostname and answers with the TXT record that proves ownership. */
export const POST = route<{ slug: string }>(async ({ ctx, params, body }) => {
  const input = parseInput(AddDomainInput, await body());
  return json(await addDomain({ ctx, slug: params.slug, input }), 201);
});
