import { auditLog } from "@/drizzle/schema";
import type { Executor } from "@/lib/db";
import { redactAuditDetails } from "./redact-details";

export type AuditEntry = {
  actorUserId: string | null;
  action: string;
  targetType: string;
  targetId: string;
  tenantId?: string | null;
  details?: Record<string, unknown>;
  requestId?: string | null;
};

/**
 * Writes one audit row. Pass the mutation's own transaction so the row and the change commit (or roll
 * back) together. Secret-looking keys are stripped from `details` before anything is stored.
 */
export async function writeAudit(tx: Executor, entry: AuditEntry): Promise<void> {
  await tx.insert(auditLog).values({
    actorUserId: entry.actorUserId,
    action: entry.action,
    targetType: entry.targetType,
    targetId: entry.targetId,
    tenantId: entry.tenantId ?? null,
    details: redactAuditDetails(entry.details ?? {}),
    requestId: entry.requestId ?? null,
  });
}
