import type { Command } from "commander";
import { callApi } from "../api-client";
import { emit, table } from "../output";
import { morePagesHint, pageQuery, withPageOptions, type PageOptions, type Paged } from "../page-options";

type Created = { token: string; id: string; name: string; prefix: string; expiresAt: string | null };
type Pat = {
  id: string;
  name: string;
  prefix: string | null;
  createdAt: string;
  lastUsedAt: string | null;
  expiresAt: string | null;
  revokedAt: string | null;
};

/** `flux pat create | list | revoke`: personal access tokens for scripts and CI. */
export function registerPat(program: Command): void {
  const pat = program.command("pat").description("personal access tokens");
  pat
    .command("create")
    .description("create a token; it is printed once and cannot be shown again")
    .requiredOption("--name <name>", 'what the token is for, e.g. "ci deploys"')
    .option("--expires-in <duration>", "lifetime such as 12h, 30d (max 365d); default: no expiry")
    .option("--json", "print JSON")
    .action(async (opts: { name: string; expiresIn?: string; json?: boolean }) => {
      const created = await callApi<Created>("POST", "/pats", {
        body: { name: opts.name, ...(opts.expiresIn ? { expiresIn: opts.expiresIn } : {}) },
      });
      emit(
        Boolean(opts.json),
        created,
        () =>
          `${created.token}\n\n${created.id} "${created.name}" ${created.expiresAt ? `expires ${created.expiresAt}` : "does not expire"}. Copy the token now: it is not shown again.`,
      );
    });
  withPageOptions(pat.command("list").description("your tokens (never their values)"))
    .option("--json", "print JSON")
    .action(async (opts: PageOptions & { json?: boolean }) => {
      const page = await callApi<Paged<Pat>>("GET", `/pats${pageQuery(opts)}`);
      const rows = page.data.map((t) => ({
        id: t.id,
        name: t.name,
        prefix: t.prefix ?? "",
        created: t.createdAt,
        "last used": t.lastUsedAt ?? "never",
        expires: t.expiresAt ?? "never",
        revoked: t.revokedAt ?? "",
      }));
      emit(
        Boolean(opts.json),
        page,
        () =>
          table(rows, ["id", "name", "prefix", "created", "last used", "expires", "revoked"]) +
          morePagesHint(page.page),
      );
    });
  pat
    .command("revoke <id>")
    .description("revoke a token; the API refuses it from now on")
    .option("--json", "print JSON")
    .action(async (id: string, opts: { json?: boolean }) => {
      const revoked = await callApi<{ id: string; revokedAt: string }>("DELETE", `/pats/${encodeURIComponent(id)}`);
      emit(Boolean(opts.json), revoked, () => `${revoked.id} revoked at ${revoked.revokedAt}`);
    });
}
