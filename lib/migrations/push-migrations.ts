import type { EngineProject, TenantEngine } from "@/lib/engines/types";
import { TenantSqlError } from "@/lib/engines";
import { checkMigrationFiles, type MigrationFileInput } from "./check-migration-files";
import { planPush, type PlannedFile } from "./plan-push";

export type PushStatus = "applied" | "would_apply" | "unchanged" | "checksum_accepted" | "would_accept_checksum";

export type PushedFile = {
  version: string;
  name: string;
  fileName: string;
  checksum: string;
  status: PushStatus;
  outOfOrder: boolean;
  /** When the file was (or, for unchanged files, had been) applied; null for a dry run's would_apply. */
  appliedAt: Date | null;
  /** The checksum the history held before --force re-recorded it. */
  previousChecksum: string | null;
};

export type PushOutcome = { dryRun: boolean; files: PushedFile[] };

export type PushMigrationsInput = {
  engine: TenantEngine;
  project: EngineProject;
  files: MigrationFileInput[];
  dryRun: boolean;
  force: boolean;
  actorUserId: string | null;
};

/** A file PostgreSQL refused. Files before it in this push stay applied (each had its own transaction). */
export class MigrationFailedError extends Error {
  constructor(
    readonly failure: TenantSqlError,
    readonly done: PushedFile[],
    dryRun: boolean,
  ) {
    const applied = done
      .filter((f) => f.status === "applied" || f.status === "checksum_accepted")
      .map((f) => f.fileName);
    const before = dryRun
      ? " This was a dry run: nothing was applied."
      : applied.length > 0
        ? ` Applied before it in this push (and kept): ${applied.join(", ")}.`
        : " Nothing else was applied in this push.";
    super(`${failure.message}${before}`);
    this.name = "MigrationFailedError";
  }
}

/**
 * `flux push`: checks the files, then, holding the project's migration lock, plans them against the history
 * (planPush) and applies the pending ones in version order, each in its own transaction with its history
 * row. A dry run runs the same checks and the pending SQL in one transaction that is rolled back.
 */
export async function pushMigrations(input: PushMigrationsInput): Promise<PushOutcome> {
  const files = checkMigrationFiles(input.files);
  return input.engine.withMigrationSession(input.project, async (session) => {
    const plan = planPush(files, await session.history(), input.force);
    const pending = plan.filter((file) => file.action === "apply");
    if (input.dryRun) {
      try {
        await session.rehearse(pending, input.actorUserId);
      } catch (error) {
        throw error instanceof TenantSqlError ? new MigrationFailedError(error, [], true) : error;
      }
      return {
        dryRun: true,
        files: plan.map((file) => reported(file, dryRunStatus(file), file.applied?.appliedAt ?? null)),
      };
    }
    const done: PushedFile[] = [];
    for (const file of plan.filter((f) => f.action !== "apply")) {
      if (file.action === "accept_checksum") await session.acceptChangedFile(file);
      done.push(
        reported(
          file,
          file.action === "unchanged" ? "unchanged" : "checksum_accepted",
          file.applied?.appliedAt ?? null,
        ),
      );
    }
    for (const file of pending) {
      try {
        const applied = await session.apply(file, input.actorUserId);
        done.push(reported(file, "applied", applied.appliedAt));
      } catch (error) {
        throw error instanceof TenantSqlError ? new MigrationFailedError(error, done, false) : error;
      }
    }
    return { dryRun: false, files: sortedLike(plan, done) };
  });
}

function dryRunStatus(file: PlannedFile): PushStatus {
  if (file.action === "apply") return "would_apply";
  return file.action === "accept_checksum" ? "would_accept_checksum" : "unchanged";
}

function reported(file: PlannedFile, status: PushStatus, appliedAt: Date | null): PushedFile {
  return {
    version: file.version,
    name: file.name,
    fileName: file.fileName,
    checksum: file.checksum,
    status,
    outOfOrder: file.outOfOrder,
    appliedAt,
    previousChecksum: file.action === "accept_checksum" ? (file.applied?.checksum ?? null) : null,
  };
}

const sortedLike = (plan: PlannedFile[], done: PushedFile[]): PushedFile[] =>
  plan.flatMap((file) => done.filter((d) => d.fileName === file.fileName));
