import { json, route } from "@/lib/api/handler";
import { idempotent } from "@/lib/api/idempotency";
import { pageQueryFrom } from "@/lib/api/pagination";
import { parseInput } from "@/lib/api/parse-input";
import { createNamedPat } from "@/lib/tokens/create-named-pat";
import { listPats } from "@/lib/tokens/list-pats";
import { CreatePatInput } from "@/lib/tokens/pat-inputs";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** `flux pat list`: the caller's own tokens, never their values. */
export const GET = route(async ({ req, ctx }) => json(await listPats({ ctx, page: pageQueryFrom(req.nextUrl) })));

/** `flux pat create`: the token is in this answer only (and in a replay of it under the same Idempotency-Key). */
export const POST = route(async ({ req, ctx, body }) => {
  const input = parseInput(CreatePatInput, await body());
  return idempotent(req, ctx, input, async () => ({ status: 201, body: await createNamedPat({ ctx, input }) }));
});
