import { createHash } from "node:crypto";
import { NextRequest } from "next/server";
import { afterAll, describe, expect, it, vi } from "vitest";
import { closeServerDb } from "@/lib/api/server-db";
import { asOwner } from "@/lib/backups/backup-test-kit";
import { closeControlPlaneRedis } from "@/lib/cache/control-plane-redis";
import { auditRows, newProject } from "../../../project-test-kit";
import { addMember, call, errorOf, newSignedInUser, unique } from "../../../route-test-kit";
import { DELETE as nuke } from "../route";
import { GET as download } from "./[id]/download/route";
import { POST as restore } from "./[id]/restore/route";
import { POST as verify } from "./[id]/verify/route";
import { GET as list, POST as create } from "./route";

vi.setConfig({ testTimeout: 180_000 });
afterAll(async () => {
  await closeServerDb();
  await closeControlPlaneRedis();
});

type Backup = { id: string; tier: string; sha256: string; sizeBytes: number; nextAction: string };
const base = (slug: string) => `/api/v1/projects/${slug}/backups`;

async function downloadBytes(token: string, slug: string, id: string) {
  const res = await download(
    new NextRequest(new URL(`${base(slug)}/${id}/download`, "http://localhost:3000"), {
      headers: { authorization: `Bearer ${token}` },
    }),
    {
      params: Promise.resolve({ slug, id }),
    },
  );
  return { status: res.status, headers: res.headers, bytes: Buffer.from(await res.arrayBuffer()) };
}

describe("/api/v1/projects/[slug]/backups", () => {
  it("owner creates, verifies, downloads (same SHA-256) and restores into a new project; nuke is gated on the tier", async () => {
    const owner = await newSignedInUser();
    const project = await newProject(owner, "free", "api-bk");
    await asOwner(project, "create table notes (id int primary key, body text); insert into notes values (1, 'hi');");

    const refused = await call(nuke, "DELETE", `/api/v1/projects/${project.slug}`, {
      token: owner.token,
      params: { slug: project.slug },
    });
    expect(refused.status).toBe(409);
    expect(errorOf(refused.body).message).toMatch(/has no backup/);

    const created = await call(create, "POST", base(project.slug), {
      token: owner.token,
      params: { slug: project.slug },
      body: { label: "before launch" },
    });
    expect(created.status).toBe(201);
    const backup = created.body as Backup;
    expect(backup).toMatchObject({
      tier: "not_restore_verified",
      label: "before launch",
      kind: "tenant_export",
      nextAction: `flux backup verify --project ${project.slug} --latest`,
    });

    const gated = await call(nuke, "DELETE", `/api/v1/projects/${project.slug}`, {
      token: owner.token,
      params: { slug: project.slug },
    });
    expect(gated.status).toBe(409);
    expect(errorOf(gated.body)).toMatchObject({
      code: "conflict",
      message: expect.stringMatching(/not_restore_verified.*flux backup verify/),
      requestId: expect.any(String),
    });

    const verified = await call(verify, "POST", `${base(project.slug)}/latest/verify`, {
      token: owner.token,
      params: { slug: project.slug, id: "latest" },
    });
    expect(verified.status).toBe(200);
    expect(verified.body).toMatchObject({ backup: { id: backup.id, tier: "restorable" }, problems: [] });

    const file = await downloadBytes(owner.token, project.slug, backup.id);
    expect(file.status).toBe(200);
    expect(file.headers.get("content-type")).toBe("application/octet-stream");
    expect(createHash("sha256").update(file.bytes).digest("hex")).toBe(backup.sha256);
    expect(file.bytes.subarray(0, 5).toString()).toBe("PGDMP");

    const into = unique("api-rs");
    const restored = await call(restore, "POST", `${base(project.slug)}/${backup.id}/restore`, {
      token: owner.token,
      params: { slug: project.slug, id: backup.id },
      body: { into },
    });
    expect(restored.status).toBe(201);
    expect(restored.body).toMatchObject({ project: { slug: into, status: "active" }, fromBackup: backup.id });

    const listed = await call(list, "GET", base(project.slug), { token: owner.token, params: { slug: project.slug } });
    expect((listed.body as { data: Backup[] }).data.map((b) => [b.id, b.tier])).toEqual([[backup.id, "restorable"]]);

    const deleted = await call(nuke, "DELETE", `/api/v1/projects/${project.slug}`, {
      token: owner.token,
      params: { slug: project.slug },
    });
    expect(deleted.status).toBe(200);
    expect(deleted.body).toMatchObject({ deleted: true, backupCheckSkipped: false });
    expect(await auditRows(project.tenantId, "project.delete")).toHaveLength(1);
  });

  it("viewers and support staff list tiers but never download, create or verify; strangers get 404", async () => {
    const owner = await newSignedInUser();
    const project = await newProject(owner, "free", "api-bv");
    const { id } = (
      await call(create, "POST", base(project.slug), { token: owner.token, params: { slug: project.slug } })
    ).body as Backup;
    const viewer = await newSignedInUser();
    await addMember(project.tenantId, viewer.id, "viewer");
    const support = await newSignedInUser("support");
    const stranger = await newSignedInUser();

    for (const who of [viewer, support]) {
      const listed = await call(list, "GET", base(project.slug), { token: who.token, params: { slug: project.slug } });
      expect(listed.status).toBe(200);
      expect((listed.body as { data: Backup[] }).data[0]).toMatchObject({ id, tier: "not_restore_verified" });
      expect((await downloadBytes(who.token, project.slug, id)).status).toBe(403);
      expect(
        (await call(create, "POST", base(project.slug), { token: who.token, params: { slug: project.slug } })).status,
      ).toBe(403);
      expect(
        (
          await call(verify, "POST", `${base(project.slug)}/${id}/verify`, {
            token: who.token,
            params: { slug: project.slug, id },
          })
        ).status,
      ).toBe(403);
    }
    expect(
      (await call(list, "GET", base(project.slug), { token: stranger.token, params: { slug: project.slug } })).status,
    ).toBe(404);
    expect((await downloadBytes(stranger.token, project.slug, id)).status).toBe(404);
    expect(await auditRows(project.tenantId, "backup.download")).toHaveLength(0);
  });

  it("rejects a malformed backup id, another project's backup id, a bad skipBackupCheck and a non-owner nuke", async () => {
    const owner = await newSignedInUser();
    const project = await newProject(owner, "free", "api-be");
    const other = await newProject(owner, "free", "api-bo");
    const { id } = (await call(create, "POST", base(other.slug), { token: owner.token, params: { slug: other.slug } }))
      .body as Backup;

    const malformed = await call(verify, "POST", `${base(project.slug)}/x/verify`, {
      token: owner.token,
      params: { slug: project.slug, id: "../../etc" },
    });
    expect(malformed.status).toBe(400);
    // A backup id of another project (same owner) is not found through this project's path.
    expect((await downloadBytes(owner.token, project.slug, id)).status).toBe(404);
    const bad = await call(nuke, "DELETE", `/api/v1/projects/${project.slug}?skipBackupCheck=yes`, {
      token: owner.token,
      params: { slug: project.slug },
    });
    expect(bad.status).toBe(400);
    const developer = await newSignedInUser();
    await addMember(project.tenantId, developer.id, "developer");
    expect(
      (
        await call(nuke, "DELETE", `/api/v1/projects/${project.slug}?skipBackupCheck=true`, {
          token: developer.token,
          params: { slug: project.slug },
        })
      ).status,
    ).toBe(403);
    const label = await call(create, "POST", base(project.slug), {
      token: owner.token,
      params: { slug: project.slug },
      body: { label: "x".repeat(101) },
    });
    expect(label.status).toBe(400);
  });
});
