import { json, route } from "@/lib/api/handler";
import { getDomainForActorOrThrow } from "@/lib/domains/get-domain-for-actor-or-throw";
import { toDomainResponse } from "@/lib/domains/to-domain-response";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** A custom domain by hostname alone (hostnames are unique), so `flux domains verify <hostname>` needs no --project. */
export const GET = route<{ hostname: string }>(async ({ ctx, params }) => {
  const { domain, access } = await getDomainForActorOrThrow(ctx, params.hostname);
  return json(toDomainResponse(domain, access.project.slug));
});
