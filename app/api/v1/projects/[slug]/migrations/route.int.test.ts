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

const TODOS = { fileName: "0001_todos.sql", sql: "create table todos (id serial primary key, title text);" };
const push = (token: string, slug: string, body: unknown) =>
  call(POST, "POST", `/api/v1/projects/${slug}/migrations`, { token, params: { slug }, body });
const list = (token: string, slug: string, query = "") =>
  call(GET, "GET", `/api/v1/projects/${slug}/migrations${query}`, { token, params: { slug } });
type Pushed = { dryRun: boolean; files: { fileName: string; status: string; version: string; checksum: string }[] };

describe("POST /api/v1/projects/[slug]/migrations", () => {
  it("applies the owner's pending files and lists them, with the SQL on request", async () => {
    const owner = await newSignedInUser();
    const { slug } = await projectOf(owner);
    const res = await push(owner.token, slug, { files: [TODOS] });
    expect(res.status).toBe(200);
    const body = res.body as Pushed;
    expect(body.dryRun).toBe(false);
    expect(body.files).toMatchObject([{ fileName: "0001_todos.sql", version: "0001", status: "applied" }]);
    expect(body.files[0]?.checksum).toMatch(/^[0-9a-f]{64}$/);

    const listed = await list(owner.token, slug);
    expect(listed.status).toBe(200);
    const rows = (listed.body as { data: { version: string; name: string; sql?: string }[] }).data;
    expect(rows.map((m) => [m.version, m.name])).toEqual([["0001", "todos"]]);
    expect(rows[0]).not.toHaveProperty("sql");
    const withSql = (await list(owner.token, slug, "?include=sql")).body as { data: { sql: string }[] };
    expect(withSql.data[0]?.sql).toBe(TODOS.sql);
  });

  it("answers a dry run with what would run and changes nothing", async () => {
    const owner = await newSignedInUser();
    const { slug } = await projectOf(owner);
    const res = await push(owner.token, slug, { files: [TODOS], dryRun: true });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      dryRun: true,
      files: [{ fileName: "0001_todos.sql", status: "would_apply", appliedAt: null }],
    });
    expect((await list(owner.token, slug)).body).toEqual({ data: [] });
  });

  it("answers SQL that PostgreSQL refuses with 422 naming the file and the problem", async () => {
    const owner = await newSignedInUser();
    const { slug } = await projectOf(owner);
    const res = await push(owner.token, slug, {
      files: [{ fileName: "0001_broken.sql", sql: "create tabel oops ();" }],
    });
    expect(res.status).toBe(422);
    expect(errorOf(res.body).message).toMatch(/0001_broken\.sql.*syntax error/);
  });

  it("answers bad files with 400 listing each problem, and a changed file with 409", async () => {
    const owner = await newSignedInUser();
    const { slug } = await projectOf(owner);
    const bad = await push(owner.token, slug, {
      files: [
        { fileName: "todos.sql", sql: "select 1" },
        { fileName: "0002_e.sql", sql: "  " },
      ],
    });
    expect(bad.status).toBe(400);
    expect(errorOf(bad.body).message).toMatch(
      /- todos\.sql: the name must be NNNN_name\.sql[\s\S]*- 0002_e\.sql: is empty/,
    );
    const noFiles = await push(owner.token, slug, { name: "old.sql", sql: "select 1" });
    expect(noFiles.status).toBe(400);
    expect(errorOf(noFiles.body).message).toMatch(/files/);

    await push(owner.token, slug, { files: [TODOS] });
    const changed = await push(owner.token, slug, { files: [{ ...TODOS, sql: `${TODOS.sql} -- edited` }] });
    expect(changed.status).toBe(409);
    expect(errorOf(changed.body).message).toMatch(/0001_todos\.sql has changed since it was applied.*--force/);
  });

  it("does not let a non-member push or read migrations (404, existence not revealed)", async () => {
    const owner = await newSignedInUser();
    const stranger = await newSignedInUser();
    const { slug } = await projectOf(owner);
    const res = await push(stranger.token, slug, {
      files: [{ fileName: "0001_evil.sql", sql: "drop table if exists todos;" }],
    });
    expect(res.status).toBe(404);
    expect((await list(stranger.token, slug)).status).toBe(404);
  });

  it("does not let a member of project A push to project B", async () => {
    const ownerA = await newSignedInUser();
    const ownerB = await newSignedInUser();
    await projectOf(ownerA);
    const b = await projectOf(ownerB);
    const res = await push(ownerA.token, b.slug, {
      files: [{ fileName: "0001_evil.sql", sql: "create table evil (id int);" }],
    });
    expect(res.status).toBe(404);
    expect((await list(ownerB.token, b.slug)).body).toEqual({ data: [] });
  });

  it("does not let a viewer push (403), though the viewer may read the history", async () => {
    const owner = await newSignedInUser();
    const viewer = await newSignedInUser();
    const { slug, tenantId } = await projectOf(owner);
    await addMember(tenantId, viewer.id, "viewer");
    const res = await push(viewer.token, slug, {
      files: [{ fileName: "0001_viewer.sql", sql: "create table t (id int);" }],
    });
    expect(res.status).toBe(403);
    expect(errorOf(res.body).message).toMatch(/owner or developer/);
    const dry = await push(viewer.token, slug, {
      files: [{ fileName: "0001_viewer.sql", sql: "create table t (id int);" }],
      dryRun: true,
    });
    expect(dry.status).toBe(403);
    const listed = await list(viewer.token, slug);
    expect(listed.status).toBe(200);
    expect((listed.body as { data: unknown[] }).data).toEqual([]);
  });

  it("lets a developer push", async () => {
    const owner = await newSignedInUser();
    const developer = await newSignedInUser();
    const { slug, tenantId } = await projectOf(owner);
    await addMember(tenantId, developer.id, "developer");
    const res = await push(developer.token, slug, {
      files: [{ fileName: "0001_dev.sql", sql: "create table t (id int);" }],
    });
    expect(res.status).toBe(200);
  });
});
