import { json, route } from "@/lib/api/handler";
import { getDomainForActorOrThrow } from "@/lib/domains/get-domain-for-actor-or-throw";
import { removeDomain } from "@/lib/domains/remove-domain";
import { toDomainResponse } from "@/lib/domains/to-domain-response";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

type Params = { slug: string; hostname: string };

export const GET = route<Params>(async ({ ctx, params }) => {
  const { domain, access } = await getDomainForActorOrThrow(ctx, params.hostname, params.slug);
  return json(toDomainResponse(domain, access.project.slug));
});

/** `flux domains remove <hostname>`: the host stops routing on every gateway at once. */
export const DELETE = route<Params>(async ({ ctx, params }) =>
  json(await removeDomain({ ctx, hostname: params.hostname, slug: params.slug })),
);
