import { FluxError } from "@/lib/api/errors";
import type { PageQuery } from "@/lib/api/pagination";
import type { Ctx } from "@/lib/context";
import { requireActor } from "@/lib/projects/require-actor";
import { selectAuditPage } from "./select-audit-page";

/** Every audit row on the platform (users, tokens, all projects): platform admins only. */
export async function listPlatformAudit({ ctx, page }: { ctx: Ctx; page: PageQuery }) {
  const actor = requireActor(ctx);
  if (actor.platformRole !== "admin") {
    throw new FluxError(
      "forbidden",
      "Only platform admins may read the platform-wide audit log; use a project's audit log instead.",
    );
  }
  return selectAuditPage(ctx.db, undefined, page);
}
