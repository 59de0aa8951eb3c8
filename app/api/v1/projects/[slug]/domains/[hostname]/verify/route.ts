import { json, route } from "@/lib/api/handler";
import { verifyDomain } from "@/lib/domains/verify-domain";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** `flux domains verify <hostname>`: looks the TXT record up and, when it matches, lets the host route. */
export const POST = route<{ slug: string; hostname: string }>(async ({ ctx, params }) =>
  json(await verifyDomain({ ctx, hostname: params.hostname, slug: params.slug })),
);
