import { FluxError } from "@/lib/api/errors";
import type { Actor, Ctx } from "@/lib/context";

export function requireActor(ctx: Pick<Ctx, "actor">): Actor {
  if (!ctx.actor)
    throw new FluxError("unauthorized", "Sign in first: run `flux login`, or open /login in the dashboard.");
  return ctx.actor;
}
