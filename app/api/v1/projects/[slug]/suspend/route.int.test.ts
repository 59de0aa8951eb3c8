import { afterAll, describe, expect, it } from "vitest";
import { getServerConfig } from "@/lib/api/server-config";
import { closeServerDb } from "@/lib/api/server-db";
import { closeControlPlaneRedis } from "@/lib/cache/control-plane-redis";
import { withClient } from "@/tests/fixtures/tenant";
import { auditRows, newProject } from "../../../project-test-kit";
import { addMember, call, newSignedInUser } from "../../../route-test-kit";
import { POST as resume } from "../resume/route";
import { POST as suspend } from "./route";

afterAll(async () => {
  await closeServerDb();
  await closeControlPlaneRedis();
});

const post = (handler: typeof suspend, verb: string, token: string, slug: string) =>
  call(handler, "POST", `/api/v1/projects/${slug}/${verb}`, { token, params: { slug } });

const canLogin = (role: string) =>
  withClient(
    getServerConfig().tenantDatabaseUrl,
    async (client) =>
      (await client.query<{ rolcanlogin: boolean }>("select rolcanlogin from pg_roles where rolname = $1", [role]))
        .rows[0]?.rolcanlogin,
  );

describe("POST /api/v1/projects/[slug]/suspend and /resume", () => {
  it("suspends (status, roles lose LOGIN), resumes (LOGIN back), audits both, and repeats are no-ops", async () => {
    const owner = await newSignedInUser();
    const project = await newProject(owner);
    const role = (project as unknown as { role: string }).role;

    const suspended = await post(suspend, "suspend", owner.token, project.slug);
    expect(suspended.status).toBe(200);
    expect(suspended.body).toMatchObject({ status: "suspended" });
    expect(await canLogin(role)).toBe(false);
    expect((await post(suspend, "suspend", owner.token, project.slug)).body).toMatchObject({ status: "suspended" });

    const resumed = await post(resume, "resume", owner.token, project.slug);
    expect(resumed.body).toMatchObject({ status: "active" });
    expect(await canLogin(role)).toBe(true);

    expect((await auditRows(project.tenantId, "project.suspend")).map((row) => row.details)).toEqual([
      { slug: project.slug, before: { status: "active" }, after: { status: "suspended" } },
    ]);
    expect(await auditRows(project.tenantId, "project.resume")).toHaveLength(1);
  });

  it("does not let a developer (403) or a member of another project (404) suspend it", async () => {
    const owner = await newSignedInUser();
    const project = await newProject(owner);
    const developer = await newSignedInUser();
    await addMember(project.tenantId, developer.id, "developer");
    const other = await newSignedInUser();
    await newProject(other);
    expect((await post(suspend, "suspend", developer.token, project.slug)).status).toBe(403);
    expect((await post(suspend, "suspend", other.token, project.slug)).status).toBe(404);
    expect((await post(resume, "resume", other.token, project.slug)).status).toBe(404);
    expect(await auditRows(project.tenantId, "project.suspend")).toHaveLength(0);
  });
});

describe("admin-initiated suspend", () => {
  it("lets a platform admin who is not a member suspend and resume any project, audited with the admin as actor", async () => {
    const owner = await newSignedInUser();
    const project = await newProject(owner);
    const admin = await newSignedInUser("admin");
    const role = (project as unknown as { role: string }).role;

    expect((await post(suspend, "suspend", admin.token, project.slug)).body).toMatchObject({ status: "suspended" });
    expect(await canLogin(role)).toBe(false);
    expect((await post(resume, "resume", admin.token, project.slug)).body).toMatchObject({ status: "active" });
    expect(await canLogin(role)).toBe(true);

    const rows = [
      ...(await auditRows(project.tenantId, "project.suspend")),
      ...(await auditRows(project.tenantId, "project.resume")),
    ];
    expect(rows.map((row) => [row.action, row.actorUserId, row.details])).toEqual([
      [
        "project.suspend",
        admin.id,
        { slug: project.slug, before: { status: "active" }, after: { status: "suspended" }, byPlatformAdmin: true },
      ],
      [
        "project.resume",
        admin.id,
        { slug: project.slug, before: { status: "suspended" }, after: { status: "active" }, byPlatformAdmin: true },
      ],
    ]);
  });

  it("does not let support staff suspend or resume a project (403), and writes nothing", async () => {
    const owner = await newSignedInUser();
    const project = await newProject(owner);
    const support = await newSignedInUser("support");
    const refused = await post(suspend, "suspend", support.token, project.slug);
    expect(refused.status).toBe(403);
    expect(refused.body).toMatchObject({ error: { code: "forbidden", requestId: expect.any(String) } });
    expect((await post(suspend, "suspend", owner.token, project.slug)).status).toBe(200);
    expect((await post(resume, "resume", support.token, project.slug)).status).toBe(403);
    expect((await auditRows(project.tenantId, "project.suspend")).map((row) => row.actorUserId)).toEqual([owner.id]);
    expect(await auditRows(project.tenantId, "project.resume")).toHaveLength(0);
  });
});
