import type { Command } from "commander";
import { callApi } from "../api-client";
import { CliError } from "../errors";
import { DEFAULT_MIGRATIONS_DIR, readMigrationDir, readMigrationFile } from "../migrations/read-migration-files";
import { emit, table } from "../output";

export type PushedFileView = {
  version: string;
  name: string;
  fileName: string;
  checksum: string;
  status: "applied" | "would_apply" | "unchanged" | "checksum_accepted" | "would_accept_checksum";
  outOfOrder: boolean;
  appliedAt: string | null;
  previousChecksum: string | null;
};
type PushView = { dryRun: boolean; files: PushedFileView[] };
type PushOptions = { project: string; dir?: string; file?: string; dryRun?: boolean; force?: boolean; json?: boolean };

/** `flux push`: applies a project's pending migration files, in version order, each in its own transaction. */
export function registerPush(program: Command): void {
  program
    .command("push")
    .description("apply the pending migration files (NNNN_name.sql) to the project's schema, in version order")
    .requiredOption("--project <slug>", "the project")
    .option("--dir <path>", `the migration directory (default ${DEFAULT_MIGRATIONS_DIR})`)
    .option("--file <path>", "push one migration file instead of a directory")
    .option("--dry-run", "show what would run and check it against the project; change nothing")
    .option("--force", "apply out-of-order files and re-record changed files' checksums (without running them again)")
    .option("--json", "print JSON (and no progress)")
    .action(async (opts: PushOptions) => {
      if (opts.dir && opts.file) throw new CliError("Pass either --dir or --file, not both.");
      const files = opts.file ? readMigrationFile(opts.file) : readMigrationDir(opts.dir ?? DEFAULT_MIGRATIONS_DIR);
      if (!opts.json && process.stderr.isTTY) {
        process.stderr.write(
          `${opts.dryRun ? "Checking" : "Pushing"} ${files.length} migration file${files.length === 1 ? "" : "s"} to ${opts.project}…\n`,
        );
      }
      const outcome = await callApi<PushView>("POST", `/projects/${encodeURIComponent(opts.project)}/migrations`, {
        body: { files, dryRun: Boolean(opts.dryRun), force: Boolean(opts.force) },
      });
      emit(Boolean(opts.json), outcome, () => describePush(opts.project, outcome));
    });
}

const LABEL: Record<PushedFileView["status"], string> = {
  applied: "applied",
  would_apply: "would apply",
  unchanged: "already applied",
  checksum_accepted: "checksum re-recorded (not run)",
  would_accept_checksum: "would re-record checksum (not run)",
};

function describePush(slug: string, outcome: PushView): string {
  const rows = outcome.files.map((f) => ({
    version: f.version,
    file: f.fileName,
    result: `${LABEL[f.status]}${f.outOfOrder ? " (out of order)" : ""}`,
  }));
  const count = (...statuses: PushedFileView["status"][]) =>
    outcome.files.filter((f) => statuses.includes(f.status)).length;
  const summary = outcome.dryRun
    ? `Dry run: ${count("would_apply")} migration(s) would be applied to ${slug}; nothing was changed.`
    : count("applied", "checksum_accepted") === 0
      ? `${slug} is up to date: nothing to apply.`
      : `Applied ${count("applied")} migration(s) to ${slug}${count("checksum_accepted") ? `, re-recorded ${count("checksum_accepted")} checksum(s)` : ""}.`;
  return `${table(rows, ["version", "file", "result"])}\n${summary}`;
}
