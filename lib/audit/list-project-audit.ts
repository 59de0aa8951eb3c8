import { eq } from "drizzle-orm";
import { auditLog } from "@/drizzle/schema";
import type { PageQuery } from "@/lib/api/pagination";
import type { Ctx } from "@/lib/context";
import { getProjectForActorOrThrow } from "@/lib/projects/get-project-for-actor-or-throw";
import { selectAuditPage } from "./select-audit-page";

/** A project's audit trail (members and platform staff); rows never hold secrets (redactAuditDetails). */
export async function listProjectAudit({ ctx, slug, page }: { ctx: Ctx; slug: string; page: PageQuery }) {
  const { project } = await getProjectForActorOrThrow(ctx, slug);
  return selectAuditPage(ctx.db, eq(auditLog.tenantId, project.tenantId), page);
}
