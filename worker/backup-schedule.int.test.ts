import { afterAll, describe, expect, it, vi } from "vitest";
import { testCtx } from "@/app/api/v1/route-test-kit";
import { closeServerDb } from "@/lib/api/server-db";
import { projectWithData } from "@/lib/backups/backup-test-kit";
import { latestBackupTier } from "@/lib/backups/latest-tier";
import { runScheduledBackups } from "@/lib/backups/run-scheduled-backups";
import { closeControlPlaneRedis } from "@/lib/cache/control-plane-redis";

vi.setConfig({ testTimeout: 120_000 });
afterAll(async () => {
  await closeServerDb();
  await closeControlPlaneRedis();
});

describe("the worker's daily backup schedule", () => {
  it("backs up and verifies a project that is due, and leaves it alone until its plan's interval has passed", async () => {
    const { project } = await projectWithData("sch");
    const ctx = testCtx();
    const first = await runScheduledBackups(ctx, new Date(), { tenantId: project.tenantId });
    expect(first.failed).toEqual([]);
    expect(first.created).toHaveLength(1);
    expect(await latestBackupTier(ctx, project.tenantId)).toMatchObject({
      tier: "restorable",
      backupId: first.created[0],
    });

    const soon = await runScheduledBackups(ctx, new Date(Date.now() + 3_600_000), { tenantId: project.tenantId });
    expect(soon.created).toEqual([]);
    const nextDay = await runScheduledBackups(ctx, new Date(Date.now() + 25 * 3_600_000), {
      tenantId: project.tenantId,
    });
    expect(nextDay.created).toHaveLength(1);
  });
});
