import { afterAll, describe, expect, it } from "vitest";
import { getServerConfig } from "@/lib/api/server-config";
import { closeServerDb } from "@/lib/api/server-db";
import { closeControlPlaneRedis } from "@/lib/cache/control-plane-redis";
import { withClient } from "@/tests/fixtures/tenant";
import { auditRows, newProject } from "../../../project-test-kit";
import { addMember, call, newSignedInUser } from "../../../route-test-kit";
import { PATCH as limits } from "../limits/route";
import { POST } from "./route";

afterAll(async () => {
  await closeServerDb();
  await closeControlPlaneRedis();
});

const changePlan = (token: string, slug: string, body: unknown) =>
  call(POST, "POST", `/api/v1/projects/${slug}/plan`, { token, params: { slug }, body });

/** The API role's guardrails as the tenant cluster holds them. */
async function guardrailsOf(role: string) {
  return withClient(getServerConfig().tenantDatabaseUrl, async (client) => {
    const { rows } = await client.query<{ rolconnlimit: number; setconfig: string[] | null }>(
      `select r.rolconnlimit, s.setconfig from pg_roles r left join pg_db_role_setting s on s.setrole = r.oid where r.rolname = $1`,
      [role],
    );
    const row = rows[0];
    return {
      connectionLimit: row?.rolconnlimit,
      statementTimeout: row?.setconfig?.find((c) => c.startsWith("statement_timeout=")),
    };
  });
}

describe("POST /api/v1/projects/[slug]/plan", () => {
  it("a platform admin moves free → pro: role statement_timeout and connection limit follow, the rate limit follows, mode stays", async () => {
    const owner = await newSignedInUser();
    const admin = await newSignedInUser("admin");
    const project = await newProject(owner, "free");
    const role = (project as unknown as { role: string }).role;
    expect(await guardrailsOf(role)).toEqual({ connectionLimit: 5, statementTimeout: "statement_timeout=5s" });

    const res = await changePlan(admin.token, project.slug, { plan: "pro" });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ plan: "pro", mode: "v2_shared", tenantId: project.tenantId });
    expect(await guardrailsOf(role)).toEqual({ connectionLimit: 20, statementTimeout: "statement_timeout=15s" });

    const effective = await call(limits, "PATCH", `/api/v1/projects/${project.slug}/limits`, {
      token: owner.token,
      params: { slug: project.slug },
      body: { requestsPerMinute: null },
    });
    expect(effective.body).toMatchObject({ effectiveRequestsPerMinute: 100 });
    const [audit] = await auditRows(project.tenantId, "project.plan.change");
    expect(audit?.details).toEqual({
      slug: project.slug,
      before: { plan: "free" },
      after: { plan: "pro" },
      byPlatformAdmin: true,
    });
  });

  it("refuses an owner raising their own project's plan (403 naming who may), and lets the owner lower it", async () => {
    const owner = await newSignedInUser();
    const project = await newProject(owner, "free");
    const raise = await changePlan(owner.token, project.slug, { plan: "enterprise" });
    expect(raise.status).toBe(403);
    expect(raise.text).toMatch(/Only a platform admin may move .* from free to enterprise.*flux projects plan/);
    expect(await auditRows(project.tenantId, "project.plan.change")).toHaveLength(0);

    const granted = await newProject(owner, "pro");
    const lower = await changePlan(owner.token, granted.slug, { plan: "free" });
    expect(lower.status).toBe(200);
    expect(lower.body).toMatchObject({ plan: "free" });
  });

  it("refuses an unknown plan and a mode change with 400, changing nothing", async () => {
    const owner = await newSignedInUser();
    const project = await newProject(owner, "free");
    const unknown = await changePlan(owner.token, project.slug, { plan: "gold" });
    expect(unknown.status).toBe(400);
    expect(unknown.text).toMatch(/plan must be one of/);
    const withMode = await changePlan(owner.token, project.slug, { plan: "pro", mode: "v1_dedicated" });
    expect(withMode.status).toBe(400);
    expect(withMode.text).toMatch(/mode/);
    expect(await auditRows(project.tenantId, "project.plan.change")).toHaveLength(0);
  });

  it("does not let a viewer (403) or a member of another project (404) change the plan", async () => {
    const owner = await newSignedInUser();
    const project = await newProject(owner, "free");
    const viewer = await newSignedInUser();
    await addMember(project.tenantId, viewer.id, "viewer");
    const other = await newSignedInUser();
    await newProject(other, "free");
    expect((await changePlan(viewer.token, project.slug, { plan: "enterprise" })).status).toBe(403);
    expect((await changePlan(other.token, project.slug, { plan: "enterprise" })).status).toBe(404);
    expect(await auditRows(project.tenantId, "project.plan.change")).toHaveLength(0);
  });
});
