import type { Command } from "commander";
import { callApi } from "../api-client";
import { emit, table } from "../output";

export type MigrationView = {
  version: string;
  name: string;
  checksum: string;
  appliedAt: string;
  actorUserId: string | null;
  actorEmail: string | null;
  sql?: string;
};

/** `flux migrations list`: the project's applied migration history, oldest version first. */
export function registerMigrations(program: Command): void {
  const migrations = program.command("migrations").description("the migration history of a project");
  migrations
    .command("list")
    .description("list the applied migrations (version, name, checksum, when)")
    .requiredOption("--project <slug>", "the project")
    .option("--sql", "include each file's SQL (with --json)")
    .option("--json", "print JSON")
    .action(async (opts: { project: string; sql?: boolean; json?: boolean }) => {
      const query = opts.sql ? "?include=sql" : "";
      const { data } = await callApi<{ data: MigrationView[] }>(
        "GET",
        `/projects/${encodeURIComponent(opts.project)}/migrations${query}`,
      );
      emit(Boolean(opts.json), data, () =>
        data.length === 0
          ? `No migrations applied to ${opts.project} yet: add files to flux/migrations and run flux push --project ${opts.project}.`
          : table(
              data.map((m) => ({
                version: m.version,
                name: m.name,
                checksum: m.checksum.slice(0, 12),
                applied: m.appliedAt,
                by: m.actorEmail ?? "",
              })),
              ["version", "name", "checksum", "applied", "by"],
            ),
      );
    });
}
