import type { Command } from "commander";
import { callApi } from "../api-client";

/** `flux gen types`: prints TypeScript types for the project's tables, views and functions. */
export function registerGen(program: Command): void {
  const gen = program.command("gen").description("generate code from a project's schema");
  gen
    .command("types")
    .description("print TypeScript types (Database, Tables<…>, Enums<…>) for the project's schema; redirect to a file")
    .requiredOption("--project <slug>", "the project")
    .option("--json", "print JSON ({ schema, typescript })")
    .action(async (opts: { project: string; json?: boolean }) => {
      const generated = await callApi<{ schema: string; typescript: string }>(
        "GET",
        `/projects/${encodeURIComponent(opts.project)}/types`,
      );
      process.stdout.write(opts.json ? `${JSON.stringify(generated, null, 2)}\n` : generated.typescript);
    });
}
