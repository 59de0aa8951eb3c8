import type { Command } from "commander";
import { callApi } from "../api-client";
import { CliError } from "../errors";
import { emit } from "../output";
import { describeProject, type ProjectView } from "./projects";

const PLANS = ["free", "pro", "enterprise"];
const path = (slug: string, action: string) => `/projects/${encodeURIComponent(slug)}/${action}`;

/** `flux projects rename | plan | suspend | resume`: owner-only lifecycle changes (suspend/resume: platform admins too). */
export function registerProjectLifecycle(projects: Command): void {
  projects
    .command("rename <slug>")
    .description("change the slug (and so the Service URL); tenant id, hash, schema and role stay (owner only)")
    .requiredOption("--to <new-slug>", "the new slug")
    .option("--json", "print JSON")
    .action(async (slug: string, opts: { to: string; json?: boolean }) => {
      const project = await callApi<ProjectView>("POST", path(slug, "rename"), { body: { slug: opts.to } });
      emit(
        Boolean(opts.json),
        project,
        () =>
          `${describeProject(project, "Renamed project")}\n  The old Service URL now answers 404; update your clients.`,
      );
    });

  projects
    .command("plan <slug>")
    .description(
      "move the project to another plan; guardrails and rate limit follow, mode stays (owners may lower it; raising it is a platform admin's)",
    )
    .requiredOption("--to <plan>", `one of ${PLANS.join(", ")}`)
    .option("--json", "print JSON")
    .action(async (slug: string, opts: { to: string; json?: boolean }) => {
      if (!PLANS.includes(opts.to))
        throw new CliError(`--to "${opts.to}" is not a plan.`, `Use one of: ${PLANS.join(", ")}.`, 2);
      const project = await callApi<ProjectView>("POST", path(slug, "plan"), { body: { plan: opts.to } });
      emit(Boolean(opts.json), project, () => describeProject(project, "Changed plan of"));
    });

  for (const [verb, description, title] of [
    ["suspend", "stop serving the project: the gateway answers 423 (owner or platform admin)", "Suspended project"],
    ["resume", "serve a suspended project again (owner or platform admin)", "Resumed project"],
  ] as const) {
    projects
      .command(`${verb} <slug>`)
      .description(description)
      .option("--json", "print JSON")
      .action(async (slug: string, opts: { json?: boolean }) => {
        const project = await callApi<ProjectView>("POST", path(slug, verb));
        emit(Boolean(opts.json), project, () => describeProject(project, title));
      });
  }
}
