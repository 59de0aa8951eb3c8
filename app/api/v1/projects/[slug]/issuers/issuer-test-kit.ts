import { and, eq } from "drizzle-orm";
import { auditLog } from "@/drizzle/schema";
import { getServerDb } from "@/lib/api/server-db";
import { call, unique } from "../../../route-test-kit";
import { GET, POST, DELETE } from "./route";

export { projectWithMembers } from "../domains/domain-test-kit";

export const freshIssuer = (): string => `https://${unique("idp")}.example.test`;

export const addIssuer = (token: string, slug: string, body: unknown, headers: Record<string, string> = {}) =>
  call(POST, "POST", `/api/v1/projects/${slug}/issuers`, { token, params: { slug }, body, headers });
export const listIssuers = (token: string, slug: string) =>
  call(GET, "GET", `/api/v1/projects/${slug}/issuers`, { token, params: { slug } });
export const removeIssuer = (token: string, slug: string, issuer: string) =>
  call(DELETE, "DELETE", `/api/v1/projects/${slug}/issuers?issuer=${encodeURIComponent(issuer)}`, {
    token,
    params: { slug },
  });

export const issuerAudit = async (tenantId: string) =>
  (
    await getServerDb()
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.targetType, "issuer"), eq(auditLog.tenantId, tenantId)))
      .orderBy(auditLog.id)
  ).map((row) => ({ action: row.action, actorUserId: row.actorUserId, targetId: row.targetId, details: row.details }));
