import { and, eq } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { auditLog, projectMembers } from "@/drizzle/schema";
import { getServerDb } from "@/lib/api/server-db";
import { closeAll, projectOwnedBy } from "../../../people-test-kit";
import { addMember, call, errorOf, newSignedInUser } from "../../../route-test-kit";
import { DELETE } from "./[email]/route";
import { GET, POST } from "./route";

afterAll(closeAll);

const add = (token: string, slug: string, body: unknown, headers?: Record<string, string>) =>
  call(POST, "POST", `/api/v1/projects/${slug}/members`, { token, params: { slug }, body, headers });
const list = (token: string, slug: string, query = "") =>
  call(GET, "GET", `/api/v1/projects/${slug}/members${query}`, { token, params: { slug } });
const remove = (token: string, slug: string, email: string) =>
  call(DELETE, "DELETE", `/api/v1/projects/${slug}/members/${encodeURIComponent(email)}`, {
    token,
    params: { slug, email: encodeURIComponent(email) },
  });

type Members = {
  data: { email: string; role: string }[];
  page: { limit: number; offset: number; nextOffset: number | null };
};

describe("/api/v1/projects/[slug]/members", () => {
  it("an owner adds a developer, lists members, changes the role and removes them, each audited with the request id", async () => {
    const owner = await newSignedInUser();
    const dev = await newSignedInUser();
    const project = await projectOwnedBy(owner);

    const added = await add(
      owner.token,
      project.slug,
      { email: dev.email.toUpperCase(), role: "developer" },
      { "x-request-id": "req_members_1" },
    );
    expect(added.status).toBe(201);
    expect(added.body).toMatchObject({ email: dev.email, role: "developer" });

    const listed = (await list(owner.token, project.slug)).body as Members;
    expect(listed.data.map((m) => [m.email, m.role])).toEqual([
      [owner.email, "owner"],
      [dev.email, "developer"],
    ]);
    expect(listed.page).toEqual({ limit: 50, offset: 0, nextOffset: null });

    expect((await add(owner.token, project.slug, { email: dev.email, role: "viewer" })).body).toMatchObject({
      role: "viewer",
    });
    expect((await remove(owner.token, project.slug, dev.email)).body).toEqual({ email: dev.email, removed: true });

    const audit = await getServerDb()
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.tenantId, project.tenantId), eq(auditLog.targetId, dev.id)))
      .orderBy(auditLog.id);
    expect(audit.map((a) => a.action)).toEqual([
      "project.member.add",
      "project.member.update",
      "project.member.remove",
    ]);
    expect(audit[0]).toMatchObject({
      actorUserId: owner.id,
      requestId: "req_members_1",
      details: { email: dev.email, role: { from: null, to: "developer" } },
    });
  });

  it("pages with limit and offset", async () => {
    const owner = await newSignedInUser();
    const project = await projectOwnedBy(owner);
    for (const _ of [1, 2])
      await add(owner.token, project.slug, { email: (await newSignedInUser()).email, role: "viewer" });
    const first = (await list(owner.token, project.slug, "?limit=2")).body as Members;
    expect(first.data).toHaveLength(2);
    expect(first.page.nextOffset).toBe(2);
    const second = (await list(owner.token, project.slug, "?limit=2&offset=2")).body as Members;
    expect(second.data).toHaveLength(1);
    expect(second.page.nextOffset).toBeNull();
    expect((await list(owner.token, project.slug, "?limit=0")).status).toBe(400);
  });

  it("refuses to remove or demote the last owner, with an error saying what to do", async () => {
    const owner = await newSignedInUser();
    const project = await projectOwnedBy(owner);
    const removed = await remove(owner.token, project.slug, owner.email);
    expect(removed.status).toBe(409);
    expect(errorOf(removed.body).message).toMatch(/last owner.*add another owner first/);
    expect((await add(owner.token, project.slug, { email: owner.email, role: "viewer" })).status).toBe(409);
  });

  it("answers 404 for an unknown e-mail and 400 for a bad role, each with a request id", async () => {
    const owner = await newSignedInUser();
    const project = await projectOwnedBy(owner);
    const unknown = await add(owner.token, project.slug, { email: "nobody@example.test", role: "viewer" });
    expect(unknown.status).toBe(404);
    expect(errorOf(unknown.body).message).toMatch(/sign up first/);
    const bad = await add(owner.token, project.slug, { email: owner.email, role: "admin" });
    expect(bad.status).toBe(400);
    expect(errorOf(bad.body)).toMatchObject({
      code: "bad_request",
      message: expect.stringMatching(/role must be one of/),
      requestId: expect.any(String),
    });
  });

  it("security: a viewer cannot add or remove members", async () => {
    const owner = await newSignedInUser();
    const viewer = await newSignedInUser();
    const project = await projectOwnedBy(owner);
    await addMember(project.tenantId, viewer.id, "viewer");
    const res = await add(viewer.token, project.slug, { email: viewer.email, role: "owner" });
    expect(res.status).toBe(403);
    expect(errorOf(res.body).message).toMatch(/Only a project owner may add members/);
    expect((await remove(viewer.token, project.slug, owner.email)).status).toBe(403);
    const [row] = await getServerDb()
      .select()
      .from(projectMembers)
      .where(and(eq(projectMembers.tenantId, project.tenantId), eq(projectMembers.userId, viewer.id)));
    expect(row?.role).toBe("viewer");
  });

  it("security: a member of project A cannot read or change project B's members", async () => {
    const ownerA = await newSignedInUser();
    const ownerB = await newSignedInUser();
    await projectOwnedBy(ownerA);
    const b = await projectOwnedBy(ownerB);
    expect((await list(ownerA.token, b.slug)).status).toBe(404);
    expect((await add(ownerA.token, b.slug, { email: ownerA.email, role: "owner" })).status).toBe(404);
  });

  it("Idempotency-Key: a retried add replays the first answer; the same key for another request is refused", async () => {
    const owner = await newSignedInUser();
    const dev = await newSignedInUser();
    const project = await projectOwnedBy(owner);
    const key = { "idempotency-key": `k-${project.slug}` };
    const first = await add(owner.token, project.slug, { email: dev.email, role: "developer" }, key);
    const retry = await add(owner.token, project.slug, { email: dev.email, role: "developer" }, key);
    expect(retry.status).toBe(201);
    expect(retry.body).toEqual(first.body);
    expect(retry.headers.get("idempotency-replayed")).toBe("true");
    const audit = await getServerDb()
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.tenantId, project.tenantId), eq(auditLog.targetId, dev.id)));
    expect(audit).toHaveLength(1);
    const other = await add(owner.token, project.slug, { email: dev.email, role: "viewer" }, key);
    expect(other.status).toBe(422);
  });
});
