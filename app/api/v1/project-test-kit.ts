import { and, eq } from "drizzle-orm";
import { auditLog } from "@/drizzle/schema";
import { getServerDb } from "@/lib/api/server-db";
import { changeProjectPlan } from "@/lib/projects/change-project-plan";
import { call, newUser, testCtx, unique } from "./route-test-kit";
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

/**
 * A real, provisioned project owned by `owner`, created through POST /api/v1/projects. A plan above free is
 * granted the way the product grants it: created on free, then moved up by a platform admin.
 */
export async function newProject(
  owner: { token: string },
  plan: "free" | "pro" | "enterprise" = "free",
  prefix = "p",
): Promise<CreatedProject> {
  const res = await call(create, "POST", "/api/v1/projects", {
    token: owner.token,
    body: { slug: unique(prefix), plan: "free" },
  });
  if (res.status !== 201) throw new Error(`creating a project in test setup failed: ${res.text}`);
  const created = res.body as CreatedProject;
  if (plan === "free") return created;
  const admin = await newUser("admin");
  await changeProjectPlan({ ctx: testCtx(admin.actor), slug: created.slug, input: { plan } });
  return { ...created, plan };
}

/** Audit rows of one project with one action, oldest first. */
export const auditRows = (tenantId: string, action: string) =>
  getServerDb()
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.tenantId, tenantId), eq(auditLog.action, action)))
    .orderBy(auditLog.id);
