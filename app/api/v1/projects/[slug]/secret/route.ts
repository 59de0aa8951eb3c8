import { route } from "@/lib/api/handler";
import { NextResponse } from "next/server";
import { revealProjectSecret } from "@/lib/project-keys/reveal-project-secret";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** `flux secrets show --project <slug>`: the current JWT secret, owner only, audited, never cached. */
export const GET = route<{ slug: string }>(async ({ ctx, params }) =>
  NextResponse.json(await revealProjectSecret({ ctx, slug: params.slug }), {
    headers: { "cache-control": "no-store" },
  }),
);
