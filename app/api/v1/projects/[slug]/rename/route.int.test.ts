import { eq } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { projects } from "@/drizzle/schema";
import { closeServerDb, getServerDb } from "@/lib/api/server-db";
import { closeControlPlaneRedis } from "@/lib/cache/control-plane-redis";
import { auditRows, newProject } from "../../../project-test-kit";
import { addMember, call, errorOf, newSignedInUser, unique } from "../../../route-test-kit";
import { GET as getOne } from "../route";
import { POST } from "./route";

afterAll(async () => {
  await closeServerDb();
  await closeControlPlaneRedis();
});

const rename = (token: string, slug: string, body: unknown) =>
  call(POST, "POST", `/api/v1/projects/${slug}/rename`, { token, params: { slug }, body });

describe("POST /api/v1/projects/[slug]/rename", () => {
  it("changes the slug and Service URL but never tenant id, hash, schema or role; audits before/after", async () => {
    const owner = await newSignedInUser();
    const project = await newProject(owner);
    const before = (
      await call(getOne, "GET", `/api/v1/projects/${project.slug}`, {
        token: owner.token,
        params: { slug: project.slug },
      })
    ).body as Record<string, string>;
    const to = unique("renamed");
    const res = await rename(owner.token, project.slug, { slug: to });
    expect(res.status).toBe(200);
    const after = res.body as Record<string, string>;
    expect(after).toMatchObject({
      slug: to,
      tenantId: before.tenantId,
      hash: before.hash,
      schema: before.schema,
      role: before.role,
      mode: before.mode,
    });
    expect(after.serviceUrl).toContain(`api--${to}--${before.hash}`);
    expect(
      (
        await call(getOne, "GET", `/api/v1/projects/${project.slug}`, {
          token: owner.token,
          params: { slug: project.slug },
        })
      ).status,
    ).toBe(404);
    const [audit] = await auditRows(project.tenantId, "project.rename");
    expect(audit?.details).toEqual({ before: { slug: project.slug }, after: { slug: to } });
    expect(audit?.actorUserId).toBe(owner.id);
  });

  it("refuses a taken slug with 409 and an invalid one with 400, changing nothing", async () => {
    const owner = await newSignedInUser();
    const project = await newProject(owner);
    const other = await newProject(owner);
    const taken = await rename(owner.token, project.slug, { slug: other.slug });
    expect(taken.status).toBe(409);
    expect(errorOf(taken.body).message).toMatch(/taken/);
    const invalid = await rename(owner.token, project.slug, { slug: "Not A Slug!" });
    expect(invalid.status).toBe(400);
    expect(errorOf(invalid.body).requestId).toBeTruthy();
    const [row] = await getServerDb().select().from(projects).where(eq(projects.tenantId, project.tenantId));
    expect(row?.slug).toBe(project.slug);
  });

  it("does not let a developer (403), support staff (403) or a member of another project (404) rename it", async () => {
    const owner = await newSignedInUser();
    const project = await newProject(owner);
    const developer = await newSignedInUser();
    await addMember(project.tenantId, developer.id, "developer");
    const support = await newSignedInUser("support");
    const otherOwner = await newSignedInUser();
    await newProject(otherOwner);
    expect((await rename(developer.token, project.slug, { slug: unique("x") })).status).toBe(403);
    expect((await rename(support.token, project.slug, { slug: unique("x") })).status).toBe(403);
    expect((await rename(otherOwner.token, project.slug, { slug: unique("x") })).status).toBe(404);
    expect(await auditRows(project.tenantId, "project.rename")).toHaveLength(0);
  });
});
