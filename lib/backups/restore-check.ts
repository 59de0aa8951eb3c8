import type { Ctx } from "@/lib/context";
import { tenantIdentifiers } from "@/lib/tenancy";
import { missingArchiveObjects, parseArchiveList } from "./archive-objects";
import type { BackupRow } from "./backup-row";
import { assertClientMatchesServer, runPgTool } from "./pg-tools";
import { withScratchDatabase } from "./scratch-database";
import { diffTableStats, tableStatsOf } from "./table-stats";

/**
 * Restores the archive with --exit-on-error into a disposable database and lists what is wrong: the restore
 * error, objects of the archive that do not exist afterwards, and tables whose row count or content hash
 * differs from what was recorded in the dump's snapshot. Empty means the backup is proven restorable.
 */
export async function restoreCheck(ctx: Pick<Ctx, "config">, row: BackupRow): Promise<string[]> {
  const file = row.artifactPath;
  if (!file) return ["the backup has no artifact path"];
  const schema = tenantIdentifiers(row.tenantId).schema;
  return withScratchDatabase(ctx.config.tenantDatabaseUrl, async (scratchUrl, client) => {
    await assertClientMatchesServer(ctx.config, "pg_restore", client);
    try {
      await runPgTool(
        ctx.config,
        "pg_restore",
        ["--exit-on-error", "--no-owner", "--no-acl", "--dbname", new URL(scratchUrl).pathname.slice(1), file],
        scratchUrl,
      );
    } catch (error) {
      return [`pg_restore failed: ${error instanceof Error ? error.message : String(error)}`];
    }
    const objects = parseArchiveList(await runPgTool(ctx.config, "pg_restore", ["--list", file]));
    const missing = await missingArchiveObjects(client, objects);
    const problems = missing.map((o) => `${o.type} ${o.schema}.${o.name} is in the archive but missing after restore`);
    return [...problems, ...diffTableStats(row.tableStats ?? [], await tableStatsOf(client, schema))];
  });
}
