import type { Command } from "commander";
import { callApi } from "../api-client";
import { CliError } from "../errors";
import { emit, table } from "../output";
import { morePagesHint, pageQuery, withPageOptions, type PageOptions, type Paged } from "../page-options";

type EnvVar = { key: string; secret: boolean; value: string | null; updatedAt: string };
const envPath = (slug: string) => `/projects/${encodeURIComponent(slug)}/env`;

/** `flux env set | list | unset`: project environment variables; secret values are write-only. */
export function registerEnv(program: Command): void {
  const env = program.command("env").description("project environment variables");
  env
    .command("set <assignment>")
    .description("set KEY=VALUE (owner or developer); --secret stores it encrypted and never shows it again")
    .requiredOption("--project <slug>", "the project")
    .option("--secret", "write-only: encrypted at rest, never listed")
    .option("--json", "print JSON")
    .action(async (assignment: string, opts: { project: string; secret?: boolean; json?: boolean }) => {
      const split = assignment.indexOf("=");
      if (split <= 0)
        throw new CliError(
          `"${assignment}" is not KEY=VALUE.`,
          "For example: flux env set STRIPE_KEY=sk_live_… --secret --project shop",
          2,
        );
      const body = {
        key: assignment.slice(0, split),
        value: assignment.slice(split + 1),
        secret: Boolean(opts.secret),
      };
      const saved = await callApi<EnvVar>("PUT", envPath(opts.project), { body });
      emit(Boolean(opts.json), saved, () => `${saved.key} set${saved.secret ? " (secret)" : ""} in ${opts.project}`);
    });
  withPageOptions(env.command("list").description("list variables; secret values show as (secret)"))
    .requiredOption("--project <slug>", "the project")
    .option("--json", "print JSON")
    .action(async (opts: PageOptions & { project: string; json?: boolean }) => {
      const page = await callApi<Paged<EnvVar>>("GET", `${envPath(opts.project)}${pageQuery(opts)}`);
      const rows = page.data.map((v) => ({
        key: v.key,
        value: v.secret ? "(secret)" : (v.value ?? ""),
        updated: v.updatedAt,
      }));
      emit(Boolean(opts.json), page, () => table(rows, ["key", "value", "updated"]) + morePagesHint(page.page));
    });
  env
    .command("unset <key>")
    .description("remove a variable (owner or developer)")
    .requiredOption("--project <slug>", "the project")
    .option("--json", "print JSON")
    .action(async (key: string, opts: { project: string; json?: boolean }) => {
      const removed = await callApi<{ key: string; removed: true }>(
        "DELETE",
        `${envPath(opts.project)}/${encodeURIComponent(key)}`,
      );
      emit(Boolean(opts.json), removed, () => `${removed.key} removed from ${opts.project}`);
    });
}
