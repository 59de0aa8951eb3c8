import type { Command } from "commander";
import { callApi } from "../api-client";
import { CliError } from "../errors";
import { emit } from "../output";

type ProjectLimits = { slug: string; requestsPerMinute: number | null; effectiveRequestsPerMinute: number };

const MAX = 1_000_000;

/** `flux projects limits <slug> --requests-per-minute <n> | --reset`: the project's own rate limit (owner only). */
export function registerProjectLimits(projects: Command): void {
  projects
    .command("limits <slug>")
    .description("set the project's requests-per-minute limit, or --reset it to the plan's default (owner only)")
    .option("--requests-per-minute <n>", `a whole number from 1 to ${MAX}`)
    .option("--reset", "use the plan's default limit again")
    .option("--json", "print JSON")
    .action(async (slug: string, opts: { requestsPerMinute?: string; reset?: boolean; json?: boolean }) => {
      const requestsPerMinute = requestedLimit(opts);
      const limits = await callApi<ProjectLimits>("PATCH", `/projects/${encodeURIComponent(slug)}/limits`, {
        body: { requestsPerMinute },
      });
      emit(Boolean(opts.json), limits, () =>
        limits.requestsPerMinute === null
          ? `${limits.slug}: plan default of ${limits.effectiveRequestsPerMinute} requests per minute`
          : `${limits.slug}: ${limits.requestsPerMinute} requests per minute`,
      );
    });
}

function requestedLimit(opts: { requestsPerMinute?: string; reset?: boolean }): number | null {
  if (opts.reset && opts.requestsPerMinute !== undefined) {
    throw new CliError("--reset and --requests-per-minute contradict each other.", "Pass one of them.", 2);
  }
  if (opts.reset) return null;
  if (opts.requestsPerMinute === undefined) {
    throw new CliError("Say what the limit should be.", "Pass --requests-per-minute <n> or --reset.", 2);
  }
  const value = Number(opts.requestsPerMinute);
  if (!/^\d+$/.test(opts.requestsPerMinute.trim()) || value < 1 || value > MAX) {
    throw new CliError(
      `--requests-per-minute "${opts.requestsPerMinute}" is not a whole number from 1 to ${MAX}.`,
      "For example: --requests-per-minute 500",
      2,
    );
  }
  return value;
}
