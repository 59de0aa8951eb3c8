import { eq } from "drizzle-orm";
import { backups } from "@/drizzle/schema";
import type { Ctx } from "@/lib/context";
import { artifactState, sha256OfFile } from "./artifact-store";
import { updateBackup, type BackupRow } from "./backup-row";
import { runPgTool } from "./pg-tools";

/**
 * The artifact validator: moves a row out of `artifact_pending` to `validated` when the file on disk has the
 * recorded size and SHA-256 and pg_restore can read its table of contents, or to `invalid` naming which
 * check failed. A listing proves little on its own (a truncated archive lists fine); the restore in
 * `verify` is what proves a backup.
 */
export async function validateBackup(ctx: Pick<Ctx, "db" | "config">, id: string): Promise<BackupRow> {
  const [row] = await ctx.db.select().from(backups).where(eq(backups.id, id)).limit(1);
  if (!row) throw new Error(`backup ${id} does not exist`);
  const problem = await artifactProblem(ctx, row);
  return updateBackup(
    ctx.db,
    id,
    problem
      ? { status: "invalid", statusReason: problem, validatedAt: new Date() }
      : { status: "validated", statusReason: null, validatedAt: new Date() },
  );
}

/** What is wrong with the row's file (missing, size mismatch, checksum off, unreadable), or null. */
export async function artifactProblem(ctx: Pick<Ctx, "config">, row: BackupRow): Promise<string | null> {
  const state = await artifactState(row.artifactPath);
  if (!state.present || !row.artifactPath) return "artifact file is missing on disk";
  if (state.sizeBytes !== row.sizeBytes)
    return `size mismatch: ${state.sizeBytes} bytes on disk, ${row.sizeBytes ?? "none"} recorded`;
  const sha256 = await sha256OfFile(row.artifactPath);
  if (sha256 !== row.sha256) return `checksum off: SHA-256 on disk is ${sha256}, recorded ${row.sha256 ?? "none"}`;
  try {
    await runPgTool(ctx.config, "pg_restore", ["--list", row.artifactPath]);
  } catch (error) {
    return `pg_restore cannot read the archive: ${error instanceof Error ? error.message : String(error)}`;
  }
  return null;
}
