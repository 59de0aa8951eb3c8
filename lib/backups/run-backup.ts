import pg from "pg";
import { backups } from "@/drizzle/schema";
import { FluxError } from "@/lib/api/errors";
import type { Ctx } from "@/lib/context";
import { tenantIdentifiers } from "@/lib/tenancy";
import type { ProjectRow } from "@/lib/projects/types";
import { artifactPathFor, removeArtifact, writeArtifact } from "./artifact-store";
import { newBackupId, updateBackup, type BackupRow } from "./backup-row";
import { assertClientMatchesServer, missingTool, spawnPgTool, tailOf } from "./pg-tools";
import { tableStatsOf } from "./table-stats";
import { validateBackup } from "./validate-backup";

export type RunBackupOptions = {
  label: string;
  createdBy: string | null;
  /** pg_dump -Z level; 0 writes an uncompressed archive (the tests use it to corrupt one byte of data). */
  compressionLevel?: number;
  onProgress?: (step: string) => void;
};

/**
 * Takes one tenant export: a catalog row first (status `writing`, so a crash leaves evidence), then pg_dump
 * -Fc of the tenant schema streamed to the artifact store while the row counts and content hashes are read in
 * the very snapshot pg_dump uses, then the validator. No authorization here: callers (the API verb, the
 * worker's schedule) decide who may.
 */
export async function runBackup(
  ctx: Pick<Ctx, "db" | "config">,
  project: ProjectRow,
  options: RunBackupOptions,
): Promise<BackupRow> {
  if (project.mode !== "v2_shared") {
    throw new FluxError(
      "unprocessable",
      `Project '${project.slug}' is ${project.mode}; this installation backs up v2_shared (pooled) projects only. Dedicated databases are backed up by the container engine, which is not running here.`,
    );
  }
  const ids = tenantIdentifiers(project.tenantId);
  const id = newBackupId();
  const artifactPath = artifactPathFor(ctx.config.artifactDir, project.tenantId, id);
  await ctx.db.insert(backups).values({
    id,
    tenantId: project.tenantId,
    projectSlug: project.slug,
    projectOwnerId: project.ownerId,
    kind: "tenant_export",
    label: options.label,
    status: "writing",
    artifactPath,
    createdBy: options.createdBy,
  });

  const client = new pg.Client({ connectionString: ctx.config.tenantDatabaseUrl, application_name: "flux-backup" });
  try {
    await client.connect();
    const versions = await assertClientMatchesServer(ctx.config, "pg_dump", client);
    await client.query("begin isolation level repeatable read read only");
    const { rows } = await client.query<{ snapshot: string }>("select pg_catalog.pg_export_snapshot() as snapshot");
    const snapshot = rows[0]?.snapshot ?? "";
    options.onProgress?.("counting rows");
    const tableStats = await tableStatsOf(client, ids.schema);
    options.onProgress?.("dumping");
    const written = await dumpTo(ctx, {
      schema: ids.schema,
      snapshot,
      artifactPath,
      compressionLevel: options.compressionLevel,
    });
    await client.query("commit");
    await updateBackup(ctx.db, id, {
      status: "artifact_pending",
      sizeBytes: written.sizeBytes,
      sha256: written.sha256,
      tableStats,
      pgDumpVersion: versions.clientVersion,
      serverVersion: versions.serverVersion,
      finishedAt: new Date(),
    });
  } catch (error) {
    await removeArtifact(artifactPath).catch(() => undefined);
    await updateBackup(ctx.db, id, { status: "failed", statusReason: reasonOf(error), finishedAt: new Date() });
    throw error instanceof FluxError
      ? error
      : new FluxError("internal", `Backup ${id} failed: ${reasonOf(error)}`, { cause: error });
  } finally {
    await client.end().catch(() => undefined);
  }
  options.onProgress?.("validating");
  return validateBackup(ctx, id);
}

async function dumpTo(
  ctx: Pick<Ctx, "config">,
  job: { schema: string; snapshot: string; artifactPath: string; compressionLevel?: number },
) {
  const args = ["-Fc", `--schema=${job.schema}`, "--no-owner", "--no-acl", `--snapshot=${job.snapshot}`];
  if (job.compressionLevel !== undefined) args.push(`--compress=${job.compressionLevel}`);
  const child = spawnPgTool(ctx.config, "pg_dump", args, ctx.config.tenantDatabaseUrl);
  const stderr: Buffer[] = [];
  child.stderr?.on("data", (chunk: Buffer) => stderr.push(chunk));
  const exited = new Promise<number | null>((resolve, reject) => {
    child.on("error", (error) => reject(missingTool("pg_dump", error)));
    child.on("close", resolve);
  });
  child.stdin?.end();
  if (!child.stdout) throw new Error("pg_dump started without a stdout pipe");
  const [written, code] = await Promise.all([writeArtifact(child.stdout, job.artifactPath), exited]);
  if (code !== 0) throw new Error(`pg_dump exited with ${code}: ${tailOf(Buffer.concat(stderr).toString("utf8"))}`);
  return written;
}

const reasonOf = (error: unknown): string => (error instanceof Error ? error.message : String(error)).slice(0, 2_000);
