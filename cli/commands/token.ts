import type { Command } from "commander";
import { callApi } from "../api-client";
import { emit } from "../output";

type MintedToken = { token: string; expiresAt: string; role: string };

export function registerToken(program: Command): void {
  const token = program.command("token").description("project JWTs for testing");
  token
    .command("create")
    .description("mint a project JWT (HS256 with the project's secret), as your app would")
    .requiredOption("--project <slug>", "the project")
    .option("--role <role>", "the role claim", "authenticated")
    .option("--sub <sub>", "the subject claim (user id)")
    .option("--expires-in <duration>", "lifetime such as 15m, 1h, 7d", "1h")
    .option("--json", "print JSON")
    .action(async (opts: { project: string; role: string; sub?: string; expiresIn: string; json?: boolean }) => {
      const minted = await callApi<MintedToken>("POST", `/projects/${encodeURIComponent(opts.project)}/tokens`, {
        body: { role: opts.role, expiresIn: opts.expiresIn, ...(opts.sub ? { sub: opts.sub } : {}) },
      });
      emit(Boolean(opts.json), minted, () => minted.token);
    });
}
