import type { Command } from "commander";
import { callApi } from "../api-client";
import { emit, table } from "../output";
import { morePagesHint, pageQuery, withPageOptions, type PageOptions, type Paged } from "../page-options";

type Entry = {
  id: number;
  at: string;
  action: string;
  actor: string | null;
  targetType: string;
  targetId: string;
  requestId: string | null;
};

/** `flux audit --project <slug>` (newest first); without --project, the platform-wide log (admins). */
export function registerAudit(program: Command): void {
  withPageOptions(program.command("audit").description("who changed what, newest first"))
    .option("--project <slug>", "one project's log (without it: the platform-wide log, admins only)")
    .option("--json", "print JSON")
    .action(async (opts: PageOptions & { project?: string; json?: boolean }) => {
      const path = opts.project ? `/projects/${encodeURIComponent(opts.project)}/audit` : "/audit";
      const page = await callApi<Paged<Entry>>("GET", `${path}${pageQuery(opts)}`);
      const rows = page.data.map((e) => ({
        at: e.at,
        actor: e.actor ?? "(system)",
        action: e.action,
        target: `${e.targetType}:${e.targetId}`,
        request: e.requestId ?? "",
      }));
      emit(
        Boolean(opts.json),
        page,
        () => table(rows, ["at", "actor", "action", "target", "request"]) + morePagesHint(page.page),
      );
    });
}
