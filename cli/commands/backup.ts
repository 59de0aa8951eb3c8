import type { Command } from "commander";
import { callApi } from "../api-client";
import { downloadTo } from "../download-to";
import { CliError } from "../errors";
import { emit, table } from "../output";
import { formatBytes, startProgress } from "../progress";
import { morePagesHint, pageQuery, withPageOptions, type PageOptions, type Paged } from "../page-options";
import { describeProject, type ProjectView } from "./projects";

export type BackupView = {
  id: string;
  tier: string;
  tierMeaning: string;
  nextAction: string;
  label: string;
  kind: string;
  status: string;
  statusReason: string | null;
  sizeBytes: number | null;
  sha256: string | null;
  artifactPath: string | null;
  artifactMissing: boolean;
  createdAt: string;
  verifiedAt: string | null;
  verifyResult: string | null;
  verifyError: string | null;
  reconciledAt: string | null;
};
type Ref = { latest?: boolean; id?: string };
const backupsPath = (slug: string) => `/projects/${encodeURIComponent(slug)}/backups`;

/** `--latest` or `--id <id>`, exactly one. */
function refOf(opts: Ref): string {
  if (Boolean(opts.latest) === Boolean(opts.id))
    throw new CliError(
      "Name one backup: pass either --latest or --id <id>.",
      "List them with `flux backup list --project <slug>`.",
      2,
    );
  return opts.id ? encodeURIComponent(opts.id) : "latest";
}

const describeBackup = (b: BackupView): string =>
  [`${b.id}  ${b.tier}`, `  ${b.tierMeaning}`, b.tier === "restorable" ? null : `  next: ${b.nextAction}`]
    .filter(Boolean)
    .join("\n");

/** `flux backup create | list | verify | download | restore`: portable tenant exports and their trust tiers. */
export function registerBackup(program: Command): void {
  const backup = program
    .command("backup")
    .description("portable tenant backups (pg_dump -Fc of the project's schema) and their trust tiers");

  backup
    .command("create")
    .description("dump the project's schema to the artifact store and validate it (owner, developer)")
    .requiredOption("--project <slug>", "the project")
    .option("--label <text>", "a label for the list")
    .option("--json", "print JSON")
    .action(async (opts: { project: string; label?: string; json?: boolean }) => {
      const progress = startProgress(`Backing up ${opts.project}: pg_dump, store, validate`, Boolean(opts.json));
      const created = await callApi<BackupView>("POST", backupsPath(opts.project), {
        body: opts.label ? { label: opts.label } : {},
      }).finally(progress.done);
      emit(
        Boolean(opts.json),
        created,
        () =>
          `Created backup (${formatBytes(created.sizeBytes)}, sha256 ${created.sha256 ?? "-"})\n${describeBackup(created)}`,
      );
    });

  withPageOptions(backup.command("list").description("list backups, newest first, with their trust tier"))
    .requiredOption("--project <slug>", "the project")
    .option("--verbose", "also show the artifact path, reconcile time and tier meaning")
    .option("--json", "print JSON")
    .action(async (opts: PageOptions & { project: string; verbose?: boolean; json?: boolean }) => {
      const page = await callApi<Paged<BackupView>>("GET", `${backupsPath(opts.project)}${pageQuery(opts)}`);
      emit(Boolean(opts.json), page, () => listing(page, Boolean(opts.verbose)));
    });

  backup
    .command("verify")
    .description("restore the backup into a disposable database and compare it; the only step that makes it restorable")
    .requiredOption("--project <slug>", "the project")
    .option("--latest", "the newest backup")
    .option("--id <id>", "a backup id")
    .option("--json", "print JSON")
    .action(async (opts: Ref & { project: string; json?: boolean }) => {
      const ref = refOf(opts);
      const progress = startProgress(
        `Verifying ${ref} of ${opts.project}: checksum, pg_restore, row counts and content hashes`,
        Boolean(opts.json),
      );
      const outcome = await callApi<{ backup: BackupView; problems: string[] }>(
        "POST",
        `${backupsPath(opts.project)}/${ref}/verify`,
      ).finally(progress.done);
      emit(Boolean(opts.json), outcome, () =>
        [describeBackup(outcome.backup), ...outcome.problems.map((p) => `  problem: ${p}`)].join("\n"),
      );
      if (outcome.backup.tier !== "restorable") process.exitCode = 1;
    });

  backup
    .command("download")
    .description("stream the archive (pg_dump -Fc) to a file or a pipe")
    .requiredOption("--project <slug>", "the project")
    .option("--latest", "the newest backup")
    .option("--id <id>", "a backup id")
    .option("-o, --output <file>", "write to this file")
    .option("--json", "print JSON (with -o)")
    .action(async (opts: Ref & { project: string; output?: string; json?: boolean }) => {
      const ref = refOf(opts);
      if (!opts.output && process.stdout.isTTY) {
        throw new CliError(
          "Refusing to write a binary pg_dump -Fc archive to the terminal.",
          `Re-run with -o ./${opts.project}.dump, or redirect: > ./${opts.project}.dump`,
          2,
        );
      }
      if (!opts.output && opts.json)
        throw new CliError("--json needs -o FILE: without it stdout carries the archive itself.", undefined, 2);
      const progress = startProgress(`Downloading ${ref} of ${opts.project}`, Boolean(opts.json) || !opts.output);
      const got = await downloadTo(`${backupsPath(opts.project)}/${ref}/download`, opts.output ?? null, (bytes) =>
        progress.update(formatBytes(bytes)),
      ).finally(progress.done);
      if (opts.output)
        emit(
          Boolean(opts.json),
          got,
          () => `Wrote ${got.file} (${formatBytes(got.sizeBytes)}, sha256 ${got.sha256}) from backup ${got.id}`,
        );
    });

  backup
    .command("restore")
    .description("restore a backup into a new project (works after the original was deleted)")
    .requiredOption("--project <slug>", "the project the backup was taken of")
    .requiredOption("--id <id>", "the backup id")
    .requiredOption("--into <new-slug>", "the slug of the new project")
    .option("--json", "print JSON")
    .action(async (opts: { project: string; id: string; into: string; json?: boolean }) => {
      const progress = startProgress(`Restoring ${opts.id} into new project ${opts.into}`, Boolean(opts.json));
      const result = await callApi<{ project: ProjectView; fromBackup: string }>(
        "POST",
        `${backupsPath(opts.project)}/${encodeURIComponent(opts.id)}/restore`,
        { body: { into: opts.into } },
      ).finally(progress.done);
      emit(Boolean(opts.json), result, () =>
        describeProject(result.project, `Restored ${result.fromBackup} into project`),
      );
    });
}

function listing(page: Paged<BackupView>, verbose: boolean): string {
  const rows = page.data.map((b) => ({
    id: b.id,
    tier: b.tier,
    label: b.label,
    size: formatBytes(b.sizeBytes),
    created: b.createdAt,
    verified: b.verifiedAt ?? "-",
    artifact: b.artifactPath ? `${b.artifactPath}${b.artifactMissing ? " (missing on disk)" : ""}` : "(none)",
    reconciled: b.reconciledAt ?? "-",
  }));
  const columns = verbose
    ? ["id", "tier", "label", "size", "created", "verified", "artifact", "reconciled"]
    : ["id", "tier", "label", "size", "created", "verified"];
  const latest = page.page.offset === 0 ? page.data[0] : undefined;
  const footer =
    latest && latest.tier !== "restorable"
      ? `\nLatest is ${latest.tier}: ${latest.tierMeaning}\n  next: ${latest.nextAction}`
      : "";
  const meanings = verbose ? `\n${[...new Set(page.data.map((b) => `${b.tier}: ${b.tierMeaning}`))].join("\n")}` : "";
  return table(rows, columns) + meanings + footer + morePagesHint(page.page);
}
