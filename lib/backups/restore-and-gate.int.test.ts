import { rm } from "node:fs/promises";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { domains, projects } from "@/drizzle/schema";
import { auditRows } from "@/app/api/v1/project-test-kit";
import { testCtx, unique } from "@/app/api/v1/route-test-kit";
import { getServerDb, closeServerDb } from "@/lib/api/server-db";
import { closeControlPlaneRedis } from "@/lib/cache/control-plane-redis";
import { engineOf, engineProjectOf } from "@/lib/projects/engine";
import { nukeProject } from "@/lib/projects/nuke-project";
import { bridgeTokenFor, call, startRest, type RunningRest } from "@/rest/testing/harness";
import { withClient } from "@/tests/fixtures/tenant";
import { backupRow, projectWithData } from "./backup-test-kit";
import { createBackup } from "./create-backup";
import { restoreBackup } from "./restore-backup";
import { verifyBackup } from "./verify-backup";

vi.setConfig({ testTimeout: 180_000 });
let rest: RunningRest;
beforeAll(async () => {
  rest = await startRest();
});
afterAll(async () => {
  await rest?.close();
  await closeServerDb();
  await closeControlPlaneRedis();
});

const schemaExists = (schema: string) =>
  withClient(
    testCtx().config.tenantDatabaseUrl,
    async (c) => ((await c.query("select 1 from pg_namespace where nspname = $1", [schema])).rowCount ?? 0) > 0,
  );
const projectExists = async (tenantId: string) =>
  (await getServerDb().select().from(projects).where(eq(projects.tenantId, tenantId))).length > 0;

describe("flux backup restore --into", () => {
  it("restores into a new project whose owner role owns the objects, and the data API serves the restored rows", async () => {
    const { owner, project } = await projectWithData("rs");
    const ctx = testCtx(owner.actor);
    const { row } = await createBackup({ ctx, slug: project.slug });
    const into = unique("restored");
    const { project: restored } = await restoreBackup({ ctx, slug: project.slug, id: row.id, into });
    expect(restored).toMatchObject({ slug: into, status: "active" });

    const creds = engineOf(ctx, "v2_shared").getCredentials(engineProjectOf(restored, ctx.config.tenantDatabaseUrl));
    const owners = await withClient(ctx.config.tenantDatabaseUrl, (c) =>
      c.query<{ relname: string; owner: string }>(
        "select relname, pg_get_userbyid(relowner) as owner from pg_class where relnamespace = $1::regnamespace order by relname",
        [creds.schema],
      ),
    );
    expect(owners.rows.length).toBeGreaterThanOrEqual(3);
    for (const r of owners.rows) expect(r.owner).toBe(creds.ownerRole);

    const token = await bridgeTokenFor(rest.config, {
      tenantId: restored.tenantId,
      credentials: creds,
      project: { plan: restored.plan },
    } as never);
    const items = await call(rest.baseUrl, "/items?select=name,qty&order=id", { token });
    expect(items.status).toBe(200);
    expect(items.json()).toEqual([
      { name: "apple", qty: 1 },
      { name: "pear", qty: 22 },
      { name: "plum", qty: 333 },
    ]);
    expect((await call(rest.baseUrl, "/item_names", { token })).json()).toHaveLength(3);
    expect(await auditRows(restored.tenantId, "backup.restore")).toHaveLength(1);
  });

  it("still restores after the original project was nuked (its backups outlive it)", async () => {
    const { owner, project } = await projectWithData("rn");
    const ctx = testCtx(owner.actor);
    const { row } = await createBackup({ ctx, slug: project.slug });
    await verifyBackup({ ctx, slug: project.slug, ref: { latest: true } });
    await nukeProject({ ctx, slug: project.slug, skipBackupCheck: false });
    const { project: restored } = await restoreBackup({ ctx, slug: project.slug, id: row.id, into: unique("back") });
    const creds = engineOf(ctx, "v2_shared").getCredentials(engineProjectOf(restored, ctx.config.tenantDatabaseUrl));
    const count = await withClient(ctx.config.tenantDatabaseUrl, (c) =>
      c.query<{ n: number }>(`select count(*)::int as n from ${creds.schema}.items`),
    );
    expect(count.rows[0]?.n).toBe(3);
  });

  it("refuses a backup whose artifact is gone and keeps no half-made project", async () => {
    const { owner, project } = await projectWithData("rx");
    const ctx = testCtx(owner.actor);
    const { row } = await createBackup({ ctx, slug: project.slug });
    await rm(row.artifactPath ?? "");
    const into = unique("never");
    await expect(restoreBackup({ ctx, slug: project.slug, id: row.id, into })).rejects.toThrow(/missing on disk/);
    expect(await getServerDb().select().from(projects).where(eq(projects.slug, into))).toEqual([]);
  });
});

describe("the destructive-action gate (flux nuke)", () => {
  it("refuses without any backup, and with a latest backup that is only not_restore_verified, naming tier and fix; both refusals are audited", async () => {
    const { owner, project } = await projectWithData("gt");
    const ctx = testCtx(owner.actor);
    await expect(nukeProject({ ctx, slug: project.slug, skipBackupCheck: false })).rejects.toThrow(
      /has no backup.*flux backup create --project/,
    );
    const { row } = await createBackup({ ctx, slug: project.slug });
    await expect(nukeProject({ ctx, slug: project.slug, skipBackupCheck: false })).rejects.toThrow(
      new RegExp(
        `latest backup ${row.id} is not_restore_verified .*Fix: flux backup verify --project ${project.slug} --latest`,
      ),
    );
    expect(await projectExists(project.tenantId)).toBe(true);
    expect(await auditRows(project.tenantId, "project.delete_refused")).toHaveLength(2);
  });

  it("refuses when the newest backup lost its file (pipeline_incomplete) even though an older one is restorable", async () => {
    const { owner, project } = await projectWithData("gf");
    const ctx = testCtx(owner.actor);
    await createBackup({ ctx, slug: project.slug });
    await verifyBackup({ ctx, slug: project.slug, ref: { latest: true } });
    const { row } = await createBackup({ ctx, slug: project.slug });
    await rm(row.artifactPath ?? "");
    await expect(nukeProject({ ctx, slug: project.slug, skipBackupCheck: false })).rejects.toThrow(
      /pipeline_incomplete/,
    );
  });

  it("deletes schema, roles, domains and secrets when the latest backup is restorable; the backup row stays", async () => {
    const { owner, project } = await projectWithData("gd");
    const ctx = testCtx(owner.actor);
    const { row } = await createBackup({ ctx, slug: project.slug });
    await verifyBackup({ ctx, slug: project.slug, ref: { latest: true } });
    await getServerDb()
      .insert(domains)
      .values({ hostname: `${project.slug}.example.test`, tenantId: project.tenantId, verificationToken: "x" });
    const creds = engineOf(ctx, "v2_shared").getCredentials(
      engineProjectOf({ ...project, mode: "v2_shared", plan: "free" }, ctx.config.tenantDatabaseUrl),
    );

    const outcome = await nukeProject({ ctx, slug: project.slug, skipBackupCheck: false });
    expect(outcome).toMatchObject({
      deleted: true,
      backupCheckSkipped: false,
      warning: null,
      latestBackup: { tier: "restorable" },
    });
    expect(await projectExists(project.tenantId)).toBe(false);
    expect(await schemaExists(creds.schema)).toBe(false);
    const roles = await withClient(ctx.config.tenantDatabaseUrl, (c) =>
      c.query("select 1 from pg_roles where rolname = any($1)", [[creds.role, creds.ownerRole]]),
    );
    expect(roles.rowCount).toBe(0);
    expect(await getServerDb().select().from(domains).where(eq(domains.tenantId, project.tenantId))).toEqual([]);
    expect((await backupRow(row.id)).tenantId).toBe(project.tenantId);
    expect((await auditRows(project.tenantId, "project.delete"))[0]?.details).toMatchObject({
      backupCheckSkipped: false,
      latestBackupTier: "restorable",
    });
  });

  it("--skip-backup-check deletes without a backup, with a warning, audited as skipped", async () => {
    const { owner, project } = await projectWithData("gs");
    const ctx = testCtx(owner.actor);
    const outcome = await nukeProject({ ctx, slug: project.slug, skipBackupCheck: true });
    expect(outcome.backupCheckSkipped).toBe(true);
    expect(outcome.warning).toMatch(/without a restorable backup.*no backup/);
    expect(await projectExists(project.tenantId)).toBe(false);
    expect((await auditRows(project.tenantId, "project.delete"))[0]?.details).toMatchObject({
      backupCheckSkipped: true,
      latestBackupTier: null,
    });
  });
});
