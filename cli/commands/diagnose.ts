import type { Command } from "commander";
import { callApi } from "../api-client";
import { emit } from "../output";

type Diagnosis = { layer: string; code: string | null; evidence: string[]; fix: string[] };

/** Human form: the verdict first, then what was seen, then what to run (indented so it copies cleanly). */
export function renderDiagnosis(diagnosis: Diagnosis): string {
  const verdict =
    diagnosis.layer === "ok"
      ? "ok: every check that could run passed"
      : `${diagnosis.layer}: ${diagnosis.code ?? "refused"}`;
  const lines = [verdict, "", "evidence:", ...diagnosis.evidence.map((line) => `  - ${line}`)];
  if (diagnosis.fix.length > 0) lines.push("", "fix:", ...diagnosis.fix.map((line) => `    ${line}`));
  return lines.join("\n");
}

export function registerDiagnose(program: Command): void {
  program
    .command("diagnose")
    .description(
      "find the first layer that refuses a request (routing, gateway auth, rate limit, schema, privileges, RLS, backup) and the fix",
    )
    .requiredOption("--project <slug>", "the project")
    .option("--token <jwt>", "the project JWT the failing request sent (checked, never stored)")
    .option("--request <request>", "'GET /notes?select=id', or the whole failing curl command in quotes")
    .option("--host <host>", "the host the request was sent to (default: the project's Service URL)")
    .option("--request-id <id>", "the X-Request-ID of a recent failing response")
    .option("--json", "print { layer, code, evidence, fix }")
    .action(
      async (opts: {
        project: string;
        token?: string;
        request?: string;
        host?: string;
        requestId?: string;
        json?: boolean;
      }) => {
        const body = {
          ...(opts.token ? { token: opts.token } : {}),
          ...(opts.request ? { request: opts.request } : {}),
          ...(opts.host ? { host: opts.host } : {}),
          ...(opts.requestId ? { requestId: opts.requestId } : {}),
        };
        const diagnosis = await callApi<Diagnosis>("POST", `/projects/${encodeURIComponent(opts.project)}/diagnose`, {
          body,
        });
        const { layer, code, evidence, fix } = diagnosis;
        emit(Boolean(opts.json), { layer, code, evidence, fix }, () => renderDiagnosis(diagnosis));
      },
    );
}
