import { readFileSync, statSync } from "node:fs";
import path from "node:path";
import type { Command } from "commander";
import { callApi } from "../api-client";
import { CliError } from "../errors";
import { emit } from "../output";

type Applied = { version: string; name: string; checksum: string; appliedAt: string };

const MAX_SQL_BYTES = 1_048_576;

export function registerPush(program: Command): void {
  program
    .command("push")
    .description("apply a SQL file to the project's schema (one transaction, tracked in its history)")
    .requiredOption("--project <slug>", "the project")
    .requiredOption("--file <path>", "the .sql file to apply")
    .option("--json", "print JSON")
    .action(async (opts: { project: string; file: string; json?: boolean }) => {
      const sql = readSqlFile(opts.file);
      const name = path.basename(opts.file).replace(/\.sql$/i, "");
      const applied = await callApi<Applied>("POST", `/projects/${encodeURIComponent(opts.project)}/migrations`, {
        body: { name, sql },
      });
      emit(Boolean(opts.json), applied, () => `Applied ${opts.file} to ${opts.project} as migration ${applied.version} (${applied.checksum.slice(0, 12)}).`);
    });
}

function readSqlFile(file: string): string {
  let size: number;
  try {
    const stat = statSync(file);
    if (!stat.isFile()) throw new CliError(`--file ${file} is not a file.`);
    size = stat.size;
  } catch (err) {
    if (err instanceof CliError) throw err;
    throw new CliError(`Cannot read --file ${file}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}.`);
  }
  if (size > MAX_SQL_BYTES) throw new CliError(`--file ${file} is ${size} bytes; the limit is 1 MiB.`, "Split it into smaller migrations.");
  const sql = readFileSync(file, "utf8");
  if (sql.trim().length === 0) throw new CliError(`--file ${file} is empty.`);
  if (sql.includes("\0")) throw new CliError(`--file ${file} contains a NUL byte; it does not look like SQL text.`);
  return sql;
}
