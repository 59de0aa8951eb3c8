import type { Command } from "commander";
import { meetsThreshold, type ProjectAdvisorFinding } from "@/lib/advisors/list-project-advisors";
import { callApi } from "../api-client";
import { CliError } from "../errors";
import { emit, table } from "../output";

export function registerAdvisors(program: Command): void {
  program
    .command("advisors")
    .description(
      "security and performance lints over the project's schema (RLS, grants, SECURITY DEFINER, keys, indexes)",
    )
    .requiredOption("--project <slug>", "the project")
    .option("--fail-on <level>", "exit 1 when a finding that is not dismissed is at least this level: warn or error")
    .option("--json", "print JSON")
    .action(async (opts: { project: string; failOn?: string; json?: boolean }) => {
      if (opts.failOn !== undefined && opts.failOn !== "warn" && opts.failOn !== "error") {
        throw new CliError(`--fail-on must be warn or error (got '${opts.failOn}')`, undefined, 2);
      }
      const findings = await callApi<ProjectAdvisorFinding[]>(
        "GET",
        `/projects/${encodeURIComponent(opts.project)}/advisors`,
      );
      emit(Boolean(opts.json), findings, () => render(findings));
      if (opts.failOn && meetsThreshold(findings, opts.failOn)) {
        const count = findings.filter(
          (finding) =>
            !finding.dismissed && (opts.failOn === "warn" ? finding.level !== "info" : finding.level === "error"),
        ).length;
        throw new CliError(
          `${count} finding(s) at or above ${opts.failOn}`,
          "Fix them, or dismiss the accepted ones in the dashboard's Troubleshoot tab",
        );
      }
    });
}

function render(findings: ProjectAdvisorFinding[]): string {
  if (findings.length === 0) return "No findings.";
  const rows = findings.map((finding) => ({
    level: finding.dismissed ? `${finding.level} (dismissed)` : finding.level,
    category: finding.category,
    object: finding.object,
    lint: finding.lint,
  }));
  const details = findings
    .filter((finding) => !finding.dismissed)
    .map((finding) => `\n${finding.key}\n  ${finding.message}\n  fix: ${finding.remediation}`);
  return `${table(rows, ["level", "category", "object", "lint"])}\n${details.join("\n")}`;
}
