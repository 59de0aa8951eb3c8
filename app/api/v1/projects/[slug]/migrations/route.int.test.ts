import { afterAll, describe, expect, it } from "vitest";
import { closeServerDb } from "@/lib/api/server-db";
import { addMember, call, errorOf, newSignedInUser, unique } from "../../../route-test-kit";
import { POST as create } from "../../route";
import { GET, POST } from "./route";

afterAll(closeServerDb);

async function projectOf(owner: { token: string }) {
  const slug = unique("mig");
  const res = await call(create, "POST", "/api/v1/projects", { token: owner.token, body: { slug, plan: "free" } });
  return { slug, tenantId: (res.body as { tenantId: string }).tenantId };
}

const push = (token: string, slug: string, body: unknown) =>
  call(POST, "POST", `/api/v1/projects/${slug}/migrations`, { token, params: { slug }, body });

describe("POST /api/v1/projects/[slug]/migrations", () => {
  it("applies the owner's SQL and lists it", async () => {
    const owner = await newSignedInUser();
    const { slug } = await projectOf(owner);
    const res = await push(owner.token, slug, { name: "0001_todos.sql", sql: "create table todos (id serial primary key, title text);" });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ version: "0001", name: "0001_todos.sql" });
    expect((res.body as { checksum: string }).checksum).toMatch(/^[0-9a-f]{64}$/);

    const listed = await call(GET, "GET", `/api/v1/projects/${slug}/migrations`, { token: owner.token, params: { slug } });
    expect(listed.status).toBe(200);
    expect((listed.body as { data: { name: string }[] }).data.map((m) => m.name)).toEqual(["0001_todos.sql"]);
  });

  it("answers SQL that PostgreSQL refuses with 422 quoting the problem", async () => {
    const owner = await newSignedInUser();
    const { slug } = await projectOf(owner);
    const res = await push(owner.token, slug, { name: "broken.sql", sql: "create tabel oops ();" });
    expect(res.status).toBe(422);
    expect(errorOf(res.body).message).toMatch(/broken\.sql.*syntax error/);
  });

  it("answers an empty file with 400", async () => {
    const owner = await newSignedInUser();
    const { slug } = await projectOf(owner);
    const res = await push(owner.token, slug, { name: "empty.sql", sql: "   " });
    expect(res.status).toBe(400);
    expect(errorOf(res.body).message).toMatch(/sql must not be empty/);
  });

  it("does not let a non-member push SQL (404, existence not revealed)", async () => {
    const owner = await newSignedInUser();
    const stranger = await newSignedInUser();
    const { slug } = await projectOf(owner);
    const res = await push(stranger.token, slug, { name: "evil.sql", sql: "drop table if exists todos;" });
    expect(res.status).toBe(404);
    const listed = await call(GET, "GET", `/api/v1/projects/${slug}/migrations`, { token: stranger.token, params: { slug } });
    expect(listed.status).toBe(404);
  });

  it("does not let a viewer push SQL (403), though the viewer may read the history", async () => {
    const owner = await newSignedInUser();
    const viewer = await newSignedInUser();
    const { slug, tenantId } = await projectOf(owner);
    await addMember(tenantId, viewer.id, "viewer");
    const res = await push(viewer.token, slug, { name: "viewer.sql", sql: "create table t (id int);" });
    expect(res.status).toBe(403);
    expect(errorOf(res.body).message).toMatch(/owner or developer/);
    const listed = await call(GET, "GET", `/api/v1/projects/${slug}/migrations`, { token: viewer.token, params: { slug } });
    expect(listed.status).toBe(200);
    expect((listed.body as { data: unknown[] }).data).toEqual([]);
  });

  it("lets a developer push SQL", async () => {
    const owner = await newSignedInUser();
    const developer = await newSignedInUser();
    const { slug, tenantId } = await projectOf(owner);
    await addMember(tenantId, developer.id, "developer");
    const res = await push(developer.token, slug, { name: "dev.sql", sql: "create table t (id int);" });
    expect(res.status).toBe(201);
  });
});
