import type { Command } from "commander";
import { runStack } from "../dev/supervisor";

export function registerDev(program: Command): void {
  program
    .command("dev")
    .description(
      "start the whole stack locally: Postgres (embedded unless DATABASE_URL is set), web, gateway, rest, worker",
    )
    .option("--production", "serve the dashboard from `next build` output (next start)")
    .action(async (opts: { production?: boolean }) => {
      process.exit(await runStack({ production: Boolean(opts.production) }));
    });
}
