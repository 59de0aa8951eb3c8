import type { Command } from "commander";
import { callApi } from "../api-client";
import { emit, table } from "../output";
import { morePagesHint, pageQuery, withPageOptions, type PageOptions, type Paged } from "../page-options";

type Member = { email: string; name: string | null; role: string; addedAt: string };
const ROLES = ["owner", "developer", "viewer"];
const membersPath = (slug: string) => `/projects/${encodeURIComponent(slug)}/members`;

/** `flux members add | list | remove`: who may work on a project (add/remove: owners only). */
export function registerMembers(program: Command): void {
  const members = program.command("members").description("project members and their roles");
  members
    .command("add <email>")
    .description("add a user to a project, or change their role (owner only)")
    .requiredOption("--role <role>", `one of: ${ROLES.join(", ")}`)
    .requiredOption("--project <slug>", "the project")
    .option("--json", "print JSON")
    .action(async (email: string, opts: { role: string; project: string; json?: boolean }) => {
      const member = await callApi<Member>("POST", membersPath(opts.project), { body: { email, role: opts.role } });
      emit(Boolean(opts.json), member, () => `${member.email} is now ${member.role} of ${opts.project}`);
    });
  withPageOptions(members.command("list").description("list a project's members"))
    .requiredOption("--project <slug>", "the project")
    .option("--json", "print JSON")
    .action(async (opts: PageOptions & { project: string; json?: boolean }) => {
      const page = await callApi<Paged<Member>>("GET", `${membersPath(opts.project)}${pageQuery(opts)}`);
      emit(
        Boolean(opts.json),
        page,
        () =>
          table(
            page.data.map((m) => ({ email: m.email, role: m.role, added: m.addedAt })),
            ["email", "role", "added"],
          ) + morePagesHint(page.page),
      );
    });
  members
    .command("remove <email>")
    .description("remove a member (owner only; never the last owner)")
    .requiredOption("--project <slug>", "the project")
    .option("--json", "print JSON")
    .action(async (email: string, opts: { project: string; json?: boolean }) => {
      const removed = await callApi<{ email: string; removed: true }>(
        "DELETE",
        `${membersPath(opts.project)}/${encodeURIComponent(email)}`,
      );
      emit(Boolean(opts.json), removed, () => `${removed.email} removed from ${opts.project}`);
    });
}
