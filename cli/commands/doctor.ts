import type { Command } from "commander";
import type { ProjectAdvisorFinding } from "@/lib/advisors/list-project-advisors";
import { localRuntimeEnv } from "@/lib/config";
import { runDoctor } from "@/lib/doctor/run-doctor";
import { doctorExitCode, fail, pass, warn, type DoctorRow } from "@/lib/doctor/types";
import { callApi } from "../api-client";
import { CliError } from "../errors";
import { emit, table } from "../output";

type Diagnosis = { layer: string; code: string | null; evidence: string[]; fix: string[] };

/** `--project`: the project's request diagnosis (as GET /) and its advisor findings, through the control-plane API. */
async function projectRows(slug: string): Promise<DoctorRow[]> {
  const path = `/projects/${encodeURIComponent(slug)}`;
  const rows: DoctorRow[] = [];
  try {
    const diagnosis = await callApi<Diagnosis>("POST", `${path}/diagnose`, { body: { request: "GET /" } });
    const summary = `${diagnosis.layer}: ${diagnosis.code ?? ""} — ${diagnosis.fix[0] ?? ""}`;
    // Requests get through when only the backup layer objects: that is a warning, not a failing project.
    if (diagnosis.layer === "ok")
      rows.push(pass(`project ${slug}`, "routing, keys, schema, privileges and backups check out (flux diagnose)"));
    else if (diagnosis.layer === "backup") rows.push(warn(`project ${slug}`, summary));
    else rows.push(fail(`project ${slug}`, summary));
    const findings = await callApi<ProjectAdvisorFinding[]>("GET", `${path}/advisors`);
    for (const finding of findings.filter((item) => !item.dismissed && item.level !== "info")) {
      const row = finding.level === "error" ? fail : warn;
      rows.push(row(`advisor ${finding.key}`, `${finding.message}; fix: ${finding.remediation}`));
    }
    if (rows.length === 1)
      rows.push(pass(`advisors ${slug}`, "no warnings or errors (flux advisors for info findings)"));
  } catch (error) {
    rows.push(fail(`project ${slug}`, error instanceof Error ? error.message : String(error)));
  }
  return rows;
}

export function registerDoctor(program: Command): void {
  program
    .command("doctor")
    .description(
      "check this installation: config, flux-system, pg_dump, Redis, data API, gateway port, secrets, URLs, proxy, clocks",
    )
    .option("--project <slug>", "also diagnose this project and list its advisor warnings")
    .option("--warnings-only", "report FAIL rows but exit 0")
    .option("--json", "print the rows as JSON")
    .action(async (opts: { project?: string; warningsOnly?: boolean; json?: boolean }) => {
      const rows = await runDoctor(localRuntimeEnv());
      if (opts.project) rows.push(...(await projectRows(opts.project)));
      emit(Boolean(opts.json), rows, () =>
        table(
          rows.map((row) => ({ ...row })),
          ["status", "check", "detail"],
        ),
      );
      if (doctorExitCode(rows, Boolean(opts.warningsOnly)) === 1) {
        throw new CliError(
          `${rows.filter((row) => row.status === "FAIL").length} check(s) failed`,
          "Fix the FAIL rows above; pass --warnings-only to report without failing",
        );
      }
    });
}
