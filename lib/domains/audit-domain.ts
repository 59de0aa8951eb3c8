import { writeAudit } from "@/lib/audit/write-audit";
import type { Ctx } from "@/lib/context";
import type { Executor } from "@/lib/db";
import type { ProjectRow } from "@/lib/projects/types";

/** The audit row of a domain mutation; pass the mutation's transaction so both commit together. */
export async function auditDomain(
  tx: Executor,
  ctx: Ctx,
  entry: {
    action: "domain.add" | "domain.verify" | "domain.remove";
    project: ProjectRow;
    hostname: string;
    details?: Record<string, unknown>;
  },
): Promise<void> {
  await writeAudit(tx, {
    actorUserId: ctx.actor?.userId ?? null,
    action: entry.action,
    targetType: "domain",
    targetId: entry.hostname,
    tenantId: entry.project.tenantId,
    details: { slug: entry.project.slug, hostname: entry.hostname, ...entry.details },
    requestId: ctx.requestId,
  });
}
