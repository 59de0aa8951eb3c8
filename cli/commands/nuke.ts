import { createInterface } from "node:readline/promises";
import type { Command } from "commander";
import { callApi } from "../api-client";
import { CliError } from "../errors";
import { emit } from "../output";

type NukeOutcome = {
  slug: string;
  tenantId: string;
  deleted: true;
  backupCheckSkipped: boolean;
  warning: string | null;
  latestBackup: { backupId: string; tier: string } | null;
};

/**
 * `flux nuke`: deletes a project (owner only). The server refuses unless the latest backup is restorable;
 * --skip-backup-check overrides that with a warning. --yes skips only the typed confirmation, never the gate.
 */
export function registerNuke(program: Command): void {
  program
    .command("nuke")
    .description("delete a project for good: schema, roles, domains, secrets (needs a restorable latest backup)")
    .requiredOption("--project <slug>", "the project to delete")
    .option("--yes", "do not ask to type the slug (the backup gate still applies)")
    .option("--skip-backup-check", "delete even without a restorable latest backup")
    .option("--json", "print JSON")
    .action(async (opts: { project: string; yes?: boolean; skipBackupCheck?: boolean; json?: boolean }) => {
      if (!opts.yes) await confirmSlug(opts.project);
      if (opts.skipBackupCheck)
        process.stderr.write(
          `flux: warning: --skip-backup-check: '${opts.project}' will be deleted even if it has no restorable backup.\n`,
        );
      const query = opts.skipBackupCheck ? "?skipBackupCheck=true" : "";
      const outcome = await callApi<NukeOutcome>("DELETE", `/projects/${encodeURIComponent(opts.project)}${query}`);
      if (outcome.warning) process.stderr.write(`flux: warning: ${outcome.warning}\n`);
      emit(
        Boolean(opts.json),
        outcome,
        () =>
          `Deleted project ${outcome.slug}.${outcome.latestBackup ? ` Its backups remain: flux backup restore --project ${outcome.slug} --id ${outcome.latestBackup.backupId} --into <new-slug>` : ""}`,
      );
    });
}

async function confirmSlug(slug: string): Promise<void> {
  if (!process.stdin.isTTY) {
    throw new CliError(
      `Deleting '${slug}' needs the slug typed to confirm, and there is no terminal to ask on.`,
      "Pass --yes to confirm non-interactively (the backup gate still applies).",
      2,
    );
  }
  const rl = createInterface({ input: process.stdin, output: process.stderr });
  const typed = (
    await rl.question(`This deletes '${slug}' and all its data. Type the project slug to confirm: `)
  ).trim();
  rl.close();
  if (typed !== slug) throw new CliError(`You typed '${typed}', not '${slug}'; nothing was deleted.`, undefined, 2);
}
