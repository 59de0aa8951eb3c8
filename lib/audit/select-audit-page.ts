import { desc, eq, type SQL } from "drizzle-orm";
import { auditLog, users } from "@/drizzle/schema";
import { toPage, type Page, type PageQuery } from "@/lib/api/pagination";
import type { Executor } from "@/lib/db";
import type { AuditEntryResponse } from "./audit-response";

/** One page of audit rows, newest first, with the actor's e-mail instead of their id. */
export async function selectAuditPage(
  db: Executor,
  where: SQL | undefined,
  page: PageQuery,
): Promise<Page<AuditEntryResponse>> {
  const rows = await db
    .select({ entry: auditLog, actor: users.email })
    .from(auditLog)
    .leftJoin(users, eq(users.id, auditLog.actorUserId))
    .where(where)
    .orderBy(desc(auditLog.id))
    .limit(page.limit + 1)
    .offset(page.offset);
  return toPage(
    rows.map(({ entry, actor }) => ({
      id: entry.id,
      at: entry.createdAt.toISOString(),
      action: entry.action,
      actor,
      targetType: entry.targetType,
      targetId: entry.targetId,
      tenantId: entry.tenantId,
      details: entry.details,
      requestId: entry.requestId,
    })),
    page,
  );
}
