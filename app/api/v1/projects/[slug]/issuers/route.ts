import { json, route } from "@/lib/api/handler";
import { idempotent } from "@/lib/api/idempotency";
import { pageQueryFrom } from "@/lib/api/pagination";
import { parseInput } from "@/lib/api/parse-input";
import { addIssuer } from "@/lib/issuers/add-issuer";
import { AddIssuerInput, RemoveIssuerInput } from "@/lib/issuers/inputs";
import { listIssuers } from "@/lib/issuers/list-issuers";
import { removeIssuer } from "@/lib/issuers/remove-issuer";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** `flux issuers list --project`: any member or platform staff (a JWKS URL is public). */
export const GET = route<{ slug: string }>(async ({ req, ctx, params }) =>
  json(await listIssuers({ ctx, slug: params.slug, page: pageQueryFrom(req.nextUrl) })),
);

/** `flux issuers add`: owner only; retry-safe with Idempotency-Key. */
export const POST = route<{ slug: string }>(async ({ req, ctx, params, body }) => {
  const input = parseInput(AddIssuerInput, await body());
  return idempotent(req, ctx, input, async () => ({
    status: 201,
    body: await addIssuer({ ctx, slug: params.slug, input }),
  }));
});

/**
 * `flux issuers remove --issuer <iss>`: owner only. The issuer travels in the query (`?issuer=`), not the path:
 * issuers are usually URLs, and an encoded slash in a path segment is not reliably kept by proxies.
 */
export const DELETE = route<{ slug: string }>(async ({ req, ctx, params }) => {
  const input = parseInput(RemoveIssuerInput, { issuer: req.nextUrl.searchParams.get("issuer") ?? undefined });
  return json(await removeIssuer({ ctx, slug: params.slug, input }));
});
