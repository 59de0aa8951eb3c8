import type { Command } from "commander";
import { callApi } from "../api-client";
import { CliError } from "../errors";
import { emit, table } from "../output";
import { registerProjectLifecycle } from "./projects-lifecycle";
import { registerProjectLimits } from "./projects-limits";

export type ProjectView = {
  tenantId: string;
  slug: string;
  hash: string;
  name: string;
  mode: string;
  plan: string;
  status: string;
  serviceUrl: string;
  schema: string;
  role: string;
  createdAt: string;
};

const PLANS = ["free", "pro", "enterprise"];
const MODES = ["v2_shared", "v1_dedicated"];

export function registerProjects(program: Command): void {
  const projects = program.command("projects").description("create and inspect projects");

  projects
    .command("create <slug>")
    .description("create a project (a schema and roles on the shared cluster)")
    .option("--plan <plan>", `one of ${PLANS.join(", ")}`, "free")
    .option("--mode <mode>", `one of ${MODES.join(", ")}`, "v2_shared")
    .option("--name <name>", "display name (defaults to the slug)")
    .option("--json", "print JSON")
    .action(async (slug: string, opts: { plan: string; mode: string; name?: string; json?: boolean }) => {
      if (!PLANS.includes(opts.plan))
        throw new CliError(`--plan "${opts.plan}" is not a plan.`, `Use one of: ${PLANS.join(", ")}.`);
      if (!MODES.includes(opts.mode))
        throw new CliError(`--mode "${opts.mode}" is not a mode.`, `Use one of: ${MODES.join(", ")}.`);
      const project = await callApi<ProjectView>("POST", "/projects", {
        body: { slug, plan: opts.plan, mode: opts.mode, ...(opts.name ? { name: opts.name } : {}) },
      });
      emit(Boolean(opts.json), project, () => describeProject(project, "Created project"));
    });

  projects
    .command("list")
    .description("list the projects you can see")
    .option("--json", "print JSON")
    .action(listProjects);

  projects
    .command("get <slug>")
    .description("show one project")
    .option("--json", "print JSON")
    .action(async (slug: string, opts: { json?: boolean }) => {
      const project = await callApi<ProjectView>("GET", `/projects/${encodeURIComponent(slug)}`);
      emit(Boolean(opts.json), project, () => describeProject(project, "Project"));
    });

  registerProjectLimits(projects);
  registerProjectLifecycle(projects);

  program.command("list").description("alias of `projects list`").option("--json", "print JSON").action(listProjects);
}

async function listProjects(opts: { json?: boolean }): Promise<void> {
  const { data } = await callApi<{ data: ProjectView[] }>("GET", "/projects");
  emit(Boolean(opts.json), data, () =>
    table(
      data.map((p) => ({ slug: p.slug, plan: p.plan, status: p.status, schema: p.schema, url: p.serviceUrl })),
      ["slug", "plan", "status", "schema", "url"],
    ),
  );
}

export function describeProject(p: ProjectView, title: string): string {
  return [
    `${title} ${p.slug}`,
    `  Service URL  ${p.serviceUrl}`,
    `  mode         ${p.mode}`,
    `  plan         ${p.plan}`,
    `  status       ${p.status}`,
    `  schema       ${p.schema}`,
    `  role         ${p.role}`,
    `  tenant id    ${p.tenantId}`,
  ].join("\n");
}
