import { afterAll, describe, expect, it } from "vitest";
import { closeAll, projectOwnedBy } from "../../../people-test-kit";
import { call, errorOf, newSignedInUser } from "../../../route-test-kit";
import { GET as platformAudit } from "../../../audit/route";
import { PUT as setEnv } from "../env/route";
import { GET } from "./route";

afterAll(closeAll);

type AuditPage = {
  data: { id: number; action: string; actor: string | null; requestId: string | null }[];
  page: { nextOffset: number | null };
};
const audit = (token: string, slug: string, query = "") =>
  call(GET, "GET", `/api/v1/projects/${slug}/audit${query}`, { token, params: { slug } });

describe("GET /api/v1/projects/[slug]/audit", () => {
  it("lists the project's mutations newest first with actor e-mail and request id, paginated", async () => {
    const owner = await newSignedInUser();
    const project = await projectOwnedBy(owner);
    await call(setEnv, "PUT", `/api/v1/projects/${project.slug}/env`, {
      token: owner.token,
      params: { slug: project.slug },
      body: { key: "A", value: "1" },
      headers: { "x-request-id": "req_audit_env" },
    });

    const all = (await audit(owner.token, project.slug)).body as AuditPage;
    expect(all.data.map((e) => e.action)).toEqual(["project.env.create", "project.activate", "project.create"]);
    expect(all.data[0]).toMatchObject({ actor: owner.email, requestId: "req_audit_env" });
    const ids = all.data.map((e) => e.id);
    expect([...ids].sort((a, b) => b - a)).toEqual(ids);

    const first = (await audit(owner.token, project.slug, "?limit=2")).body as AuditPage;
    expect(first.data.map((e) => e.action)).toEqual(["project.env.create", "project.activate"]);
    expect(first.page.nextOffset).toBe(2);
  });

  it("security: a member of project A cannot read project B's audit log", async () => {
    const ownerA = await newSignedInUser();
    const ownerB = await newSignedInUser();
    await projectOwnedBy(ownerA);
    const b = await projectOwnedBy(ownerB);
    const res = await audit(ownerA.token, b.slug);
    expect(res.status).toBe(404);
    expect(errorOf(res.body).requestId).toEqual(expect.any(String));
  });

  it("support staff may read a project's audit log", async () => {
    const owner = await newSignedInUser();
    const support = await newSignedInUser("support");
    const project = await projectOwnedBy(owner);
    expect((await audit(support.token, project.slug)).status).toBe(200);
  });
});

describe("GET /api/v1/audit (platform-wide)", () => {
  it("admins see every project's rows; everyone else is refused with 403", async () => {
    const admin = await newSignedInUser("admin");
    const owner = await newSignedInUser();
    const support = await newSignedInUser("support");
    const project = await projectOwnedBy(owner);
    const res = await call(platformAudit, "GET", "/api/v1/audit?limit=200", { token: admin.token });
    expect(res.status).toBe(200);
    expect((res.body as AuditPage).data.some((e) => e.action === "project.create" && e.actor === owner.email)).toBe(
      true,
    );
    expect(project.slug).toBeTruthy();
    for (const caller of [owner, support]) {
      const refused = await call(platformAudit, "GET", "/api/v1/audit", { token: caller.token });
      expect(refused.status).toBe(403);
      expect(errorOf(refused.body).message).toMatch(/Only platform admins/);
    }
  });
});
