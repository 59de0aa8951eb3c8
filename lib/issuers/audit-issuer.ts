import { writeAudit } from "@/lib/audit/write-audit";
import type { Ctx } from "@/lib/context";
import type { Executor } from "@/lib/db";
import type { ProjectRow } from "@/lib/projects/types";

/** The audit row of an issuer change; pass the change's transaction so both commit together. */
export async function auditIssuer(
  tx: Executor,
  ctx: Ctx,
  entry: {
    action: "issuer.add" | "issuer.remove";
    project: ProjectRow;
    issuer: string;
    jwksUrl: string;
    audience: string | null;
  },
): Promise<void> {
  await writeAudit(tx, {
    actorUserId: ctx.actor?.userId ?? null,
    action: entry.action,
    targetType: "issuer",
    targetId: entry.issuer,
    tenantId: entry.project.tenantId,
    details: { slug: entry.project.slug, issuer: entry.issuer, jwksUrl: entry.jwksUrl, audience: entry.audience },
    requestId: ctx.requestId,
  });
}
