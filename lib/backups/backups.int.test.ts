import { open, rm, truncate } from "node:fs/promises";
import { eq } from "drizzle-orm";
import { afterAll, describe, expect, it, vi } from "vitest";
import { backups } from "@/drizzle/schema";
import { testCtx } from "@/app/api/v1/route-test-kit";
import { getServerDb, closeServerDb } from "@/lib/api/server-db";
import { closeControlPlaneRedis } from "@/lib/cache/control-plane-redis";
import { sha256OfFile } from "./artifact-store";
import { backupRow, projectWithData } from "./backup-test-kit";
import { createBackup } from "./create-backup";
import { latestBackupTier } from "./latest-tier";
import { reconcileArtifacts } from "./reconcile-artifacts";
import { runBackup } from "./run-backup";
import { verifyBackup } from "./verify-backup";
import { projects } from "@/drizzle/schema";
import { withClient } from "@/tests/fixtures/tenant";

vi.setConfig({ testTimeout: 120_000 });
afterAll(async () => {
  await closeServerDb();
  await closeControlPlaneRedis();
});

const projectRow = async (tenantId: string) => {
  const [row] = await getServerDb().select().from(projects).where(eq(projects.tenantId, tenantId));
  if (!row) throw new Error("project row missing");
  return row;
};

describe("tenant backups with real pg_dump / pg_restore", () => {
  it("a good backup records size, SHA-256 and per-table stats, is not_restore_verified, and verify makes it restorable", async () => {
    const { owner, project } = await projectWithData();
    const ctx = testCtx(owner.actor);
    const created = await createBackup({ ctx, slug: project.slug });
    expect(created.tier).toBe("not_restore_verified");
    expect(created.row).toMatchObject({
      kind: "tenant_export",
      status: "validated",
      tableStats: [{ table: "items", rows: 3 }],
    });
    expect(created.row.sizeBytes).toBeGreaterThan(0);
    expect(await sha256OfFile(created.row.artifactPath ?? "")).toBe(created.row.sha256);

    const verified = await verifyBackup({ ctx, slug: project.slug, ref: { latest: true } });
    expect(verified.problems).toEqual([]);
    expect(verified.tier).toBe("restorable");
    expect(verified.row.verifiedAt).not.toBeNull();
    expect(await latestBackupTier(ctx, project.tenantId)).toMatchObject({
      tier: "restorable",
      backupId: created.row.id,
    });
    // The scratch database is gone.
    const left = await withClient(ctx.config.tenantDatabaseUrl, (c) =>
      c.query("select datname from pg_database where datname like 'flux_verify_%'"),
    );
    expect(left.rows).toEqual([]);
  });

  it("a truncated artifact is pipeline_incomplete, and verify does not restore it", async () => {
    const { owner, project } = await projectWithData();
    const ctx = testCtx(owner.actor);
    const { row } = await createBackup({ ctx, slug: project.slug });
    await truncate(row.artifactPath ?? "", Math.floor((row.sizeBytes ?? 0) / 2));
    expect((await latestBackupTier(ctx, project.tenantId))?.tier).toBe("pipeline_incomplete");
    const verified = await verifyBackup({ ctx, slug: project.slug, ref: { id: row.id } });
    expect(verified.tier).toBe("pipeline_incomplete");
    expect(verified.problems[0]).toMatch(/size mismatch/);
    expect((await backupRow(row.id)).verifyResult).toBeNull();
  });

  it("a compressed archive corrupted before hashing (same size, checksum matches) fails restore: restore_failed", async () => {
    const { owner, project } = await projectWithData();
    const ctx = testCtx(owner.actor);
    const { row } = await createBackup({ ctx, slug: project.slug });
    await overwriteMiddle(row.artifactPath ?? "", (row.sizeBytes ?? 0) - 40, 24);
    // The corruption happened before the hash was taken, so the size and checksum checks pass.
    await getServerDb()
      .update(backups)
      .set({ sha256: await sha256OfFile(row.artifactPath ?? "") })
      .where(eq(backups.id, row.id));
    const verified = await verifyBackup({ ctx, slug: project.slug, ref: { latest: true } });
    expect(verified.tier).toBe("restore_failed");
    expect(verified.problems.join("\n")).toMatch(/pg_restore failed|missing after restore|content hash|rows restored/);
  });

  it("an uncompressed archive with one changed data byte restores with the same row count; the content hash catches it", async () => {
    const { owner, project } = await projectWithData();
    const ctx = testCtx(owner.actor);
    const row = await runBackup(ctx, await projectRow(project.tenantId), {
      label: "uncompressed",
      createdBy: owner.id,
      compressionLevel: 0,
    });
    const file = row.artifactPath ?? "";
    const handle = await open(file, "r+");
    const bytes = await handle.readFile();
    const at = bytes.indexOf(Buffer.from("pear"));
    expect(at).toBeGreaterThan(0);
    await handle.write(Buffer.from("b"), 0, 1, at);
    await handle.close();
    await getServerDb()
      .update(backups)
      .set({ sha256: await sha256OfFile(file) })
      .where(eq(backups.id, row.id));
    const verified = await verifyBackup({ ctx, slug: project.slug, ref: { id: row.id } });
    expect(verified.problems).toEqual([
      expect.stringMatching(/items: same row count \(3\) but the content hash differs/),
    ]);
    expect(verified.tier).toBe("restore_failed");
  });

  it("reconcile flags a deleted file (the row stays as evidence) and the tier drops to pipeline_incomplete", async () => {
    const { owner, project } = await projectWithData();
    const ctx = testCtx(owner.actor);
    const { row } = await createBackup({ ctx, slug: project.slug });
    await verifyBackup({ ctx, slug: project.slug, ref: { latest: true } });
    await rm(row.artifactPath ?? "");
    const result = await reconcileArtifacts(ctx, { tenantId: project.tenantId });
    expect(result.missing).toEqual([row.id]);
    const after = await backupRow(row.id);
    expect(after.artifactMissingAt).not.toBeNull();
    expect(after.reconciledAt).not.toBeNull();
    expect((await latestBackupTier(ctx, project.tenantId))?.tier).toBe("pipeline_incomplete");
  });

  it("a newest row that never finished writing is latest_not_complete", async () => {
    const { owner, project } = await projectWithData();
    const ctx = testCtx(owner.actor);
    await createBackup({ ctx, slug: project.slug });
    await getServerDb()
      .insert(backups)
      .values({
        id: `bkp_unfinished_${project.tenantId.slice(0, 8)}`,
        tenantId: project.tenantId,
        projectSlug: project.slug,
        label: "crashed",
        status: "writing",
        createdAt: new Date(Date.now() + 1_000),
      });
    expect((await latestBackupTier(ctx, project.tenantId))?.tier).toBe("latest_not_complete");
  });
});

async function overwriteMiddle(file: string, at: number, length: number): Promise<void> {
  const handle = await open(file, "r+");
  await handle.write(Buffer.alloc(length, 0x5a), 0, length, Math.max(0, at));
  await handle.close();
}
