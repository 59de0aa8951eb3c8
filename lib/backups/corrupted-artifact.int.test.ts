import { open, stat } from "node:fs/promises";
import { eq } from "drizzle-orm";
import { afterAll, describe, expect, it, vi } from "vitest";
import { backups, projects } from "@/drizzle/schema";
import { nukeProject } from "@/lib/projects/nuke-project";
import {
  auditRowsOf,
  closeLibCtx,
  libCtx,
  newActor,
  newOwnedProject,
  runAsOwner,
  uniqueName,
} from "@/lib/projects/owner-test-kit";
import { createBackup } from "./create-backup";
import { latestBackupTier } from "./latest-tier";
import { reconcileArtifacts } from "./reconcile-artifacts";
import { restoreBackup } from "./restore-backup";
import { verifyBackup } from "./verify-backup";

vi.setConfig({ testTimeout: 180_000 });
afterAll(closeLibCtx);

/** A project with a few rows and one backup that `flux backup verify` proved restorable. */
async function projectWithRestorableBackup(prefix: string) {
  const actor = await newActor();
  const project = await newOwnedProject(actor, { prefix });
  await runAsOwner(
    project,
    "create table items (id serial primary key, name text); insert into items (name) values ('a'), ('b'), ('c');",
  );
  const ctx = libCtx(actor);
  const { row } = await createBackup({ ctx, slug: project.slug });
  const verified = await verifyBackup({ ctx, slug: project.slug, ref: { id: row.id } });
  expect(verified.tier).toBe("restorable");
  return { ctx, project, backup: verified.row };
}

/** The attack of the issue: 512 bytes inside the archive zeroed, size unchanged. */
async function zero512BytesInside(file: string | null): Promise<void> {
  if (!file) throw new Error("the backup has no artifact path");
  const { size } = await stat(file);
  const handle = await open(file, "r+");
  try {
    await handle.write(Buffer.alloc(512), 0, 512, Math.max(0, Math.floor(size / 2) - 256));
  } finally {
    await handle.close();
  }
  expect((await stat(file)).size).toBe(size);
}

const rowOf = async (id: string) => (await libCtx().db.select().from(backups).where(eq(backups.id, id)))[0];
const projectStillThere = async (tenantId: string) =>
  (await libCtx().db.select().from(projects).where(eq(projects.tenantId, tenantId))).length === 1;

describe("the gate checks bytes, not a remembered tier", () => {
  it("nuke refuses when the only restorable backup's bytes changed, demotes it and audits why", async () => {
    const { ctx, project, backup } = await projectWithRestorableBackup("nc");
    await zero512BytesInside(backup.artifactPath);

    await expect(nukeProject({ ctx, slug: project.slug, skipBackupCheck: false })).rejects.toThrow(
      new RegExp(
        `Refusing to delete '${project.slug}': Backup ${backup.id} cannot be trusted: its artifact is corrupted.*flux backup create --project ${project.slug}`,
      ),
    );
    expect(await projectStillThere(project.tenantId)).toBe(true);
    expect(await rowOf(backup.id)).toMatchObject({
      status: "invalid",
      statusReason: expect.stringMatching(/^corrupted: /),
    });
    expect((await latestBackupTier(ctx, project.tenantId))?.tier).toBe("pipeline_incomplete");
    const [demotion] = await auditRowsOf(project.tenantId, "backup.demote");
    expect(demotion?.details).toMatchObject({
      foundBy: "nuke",
      before: { status: "validated", verifyResult: "passed" },
    });
    const [refusal] = await auditRowsOf(project.tenantId, "project.delete_refused");
    expect(refusal?.details).toMatchObject({
      latestBackupTier: "pipeline_incomplete",
      latestBackupCorrupted: expect.any(String),
    });
  });

  it("nuke still deletes when the restorable backup's bytes are intact", async () => {
    const { ctx, project } = await projectWithRestorableBackup("ni");
    await expect(nukeProject({ ctx, slug: project.slug, skipBackupCheck: false })).resolves.toMatchObject({
      deleted: true,
      backupCheckSkipped: false,
    });
    expect(await projectStillThere(project.tenantId)).toBe(false);
  });

  it("restore refuses a corrupted artifact and demotes it, keeping no half-made project", async () => {
    const { ctx, project, backup } = await projectWithRestorableBackup("rc");
    await zero512BytesInside(backup.artifactPath);
    const into = uniqueName("never");

    await expect(restoreBackup({ ctx, slug: project.slug, id: backup.id, into })).rejects.toThrow(
      new RegExp(`Backup ${backup.id} cannot be trusted: its artifact is corrupted: .* recorded when it was written`),
    );
    expect(await libCtx().db.select().from(projects).where(eq(projects.slug, into))).toEqual([]);
    expect((await rowOf(backup.id))?.status).toBe("invalid");
    const [demotion] = await auditRowsOf(project.tenantId, "backup.demote");
    expect(demotion?.details).toMatchObject({ foundBy: "restore" });
    // A second attempt names the recorded reason instead of hashing again.
    await expect(restoreBackup({ ctx, slug: project.slug, id: backup.id, into })).rejects.toThrow(
      /it was marked invalid: corrupted: /,
    );
  });

  it("reconcile demotes a corrupted artifact and leaves an intact one restorable", async () => {
    const corrupted = await projectWithRestorableBackup("kc");
    const intact = await projectWithRestorableBackup("ki");
    await zero512BytesInside(corrupted.backup.artifactPath);

    const report = await reconcileArtifacts(libCtx(), { tenantId: corrupted.project.tenantId });
    expect(report).toMatchObject({ checked: 1, corrupted: [corrupted.backup.id], missing: [] });
    expect((await latestBackupTier(libCtx(), corrupted.project.tenantId))?.tier).toBe("pipeline_incomplete");
    const [demotion] = await auditRowsOf(corrupted.project.tenantId, "backup.demote");
    expect(demotion).toMatchObject({ actorUserId: null, details: { foundBy: "reconcile" } });

    expect(await reconcileArtifacts(libCtx(), { tenantId: intact.project.tenantId })).toMatchObject({ corrupted: [] });
    expect((await latestBackupTier(libCtx(), intact.project.tenantId))?.tier).toBe("restorable");
    expect((await rowOf(intact.backup.id))?.reconciledAt).not.toBeNull();
  });
});
