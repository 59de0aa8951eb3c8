import { json, route } from "@/lib/api/handler";
import { revokePat } from "@/lib/tokens/revoke-pat";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** `flux pat revoke`: the token is refused from now on. */
export const DELETE = route<{ id: string }>(async ({ ctx, params }) => json(await revokePat({ ctx, id: params.id })));
