import { and, eq } from "drizzle-orm";
import { auditLog } from "@/drizzle/schema";
import { getServerDb } from "@/lib/api/server-db";
import type { MemberRole } from "@/lib/projects/types";
import { seedProject } from "@/gateway/testing/seed-project";
import { addMember, call, newSignedInUser, unique } from "../../../route-test-kit";
import { DELETE } from "./[hostname]/route";
import { POST as verify } from "./[hostname]/verify/route";
import { GET as list, POST as add } from "./route";

/** A project (row only: domains need no tenant schema) with a signed-in member of each requested role. */
export async function projectWithMembers<R extends MemberRole>(roles: readonly R[]) {
  const project = await seedProject(getServerDb());
  const members = {} as Record<R, Awaited<ReturnType<typeof newSignedInUser>>>;
  for (const role of roles) {
    members[role] = await newSignedInUser();
    await addMember(project.tenantId, members[role].id, role);
  }
  return { ...project, members };
}

export const freshHostname = (): string => `${unique("shop")}.example.test`;

export const addDomain = (token: string, slug: string, hostname: unknown) =>
  call(add, "POST", `/api/v1/projects/${slug}/domains`, { token, params: { slug }, body: { hostname } });
export const listDomains = (token: string, slug: string) =>
  call(list, "GET", `/api/v1/projects/${slug}/domains`, { token, params: { slug } });
export const verifyDomain = (token: string, slug: string, hostname: string) =>
  call(verify, "POST", `/api/v1/projects/${slug}/domains/${hostname}/verify`, { token, params: { slug, hostname } });
export const removeDomain = (token: string, slug: string, hostname: string) =>
  call(DELETE, "DELETE", `/api/v1/projects/${slug}/domains/${hostname}`, { token, params: { slug, hostname } });

export const auditActions = async (hostname: string) =>
  (
    await getServerDb()
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.targetType, "domain"), eq(auditLog.targetId, hostname)))
      .orderBy(auditLog.id)
  ).map((row) => ({ action: row.action, actorUserId: row.actorUserId, tenantId: row.tenantId, details: row.details }));

export type DomainBody = {
  hostname: string;
  project: string;
  status: string;
  verifiedAt: string | null;
  verification: { type: string; name: string; value: string };
};
