import { and, eq } from "drizzle-orm";
import { auditLog } from "@/drizzle/schema";
import { getServerDb } from "@/lib/api/server-db";
import { call, unique } from "./route-test-kit";
import { POST as create } from "./projects/route";

export type CreatedProject = {
  tenantId: string;
  slug: string;
  hash: string;
  plan: string;
  mode: string;
  status: string;
  serviceUrl: string;
};

/** A real, provisioned project owned by `owner`, created through POST /api/v1/projects. */
export async function newProject(
  owner: { token: string },
  plan: "free" | "pro" | "enterprise" = "free",
  prefix = "p",
): Promise<CreatedProject> {
  const res = await call(create, "POST", "/api/v1/projects", {
    token: owner.token,
    body: { slug: unique(prefix), plan },
  });
  if (res.status !== 201) throw new Error(`creating a project in test setup failed: ${res.text}`);
  return res.body as CreatedProject;
}

/** Audit rows of one project with one action, oldest first. */
export const auditRows = (tenantId: string, action: string) =>
  getServerDb()
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.tenantId, tenantId), eq(auditLog.action, action)))
    .orderBy(auditLog.id);
