import { FluxError } from "@/lib/api/errors";
import { isPlatformStaff, type Actor, type Ctx } from "@/lib/context";
import { requireActor } from "@/lib/projects/require-actor";

/** Support views are for platform staff (support, admin); everyone else is refused. */
export function requireSupport(ctx: Ctx): Actor {
  const actor = requireActor(ctx);
  if (!isPlatformStaff(actor))
    throw new FluxError("forbidden", "Only platform support or admin users may open the support views.");
  return actor;
}
