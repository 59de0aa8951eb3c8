import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { checkMigrationFiles, MAX_SQL_BYTES, type MigrationFileInput } from "@/lib/migrations/check-migration-files";
import { MigrationInputError } from "@/lib/migrations/migration-input-error";
import { CliError } from "../errors";

export const DEFAULT_MIGRATIONS_DIR = "flux/migrations";

const NAMING_HINT = "Name migration files NNNN_name.sql (e.g. 0001_create_todos.sql); they run in version order.";

/**
 * The `.sql` files of a migration directory, checked before anything is sent: a missing or empty directory,
 * bad names, duplicate versions, oversized or binary files stop the push with every problem listed.
 * Other files (README.md, .gitkeep) and subdirectories are ignored.
 */
export function readMigrationDir(dir: string): MigrationFileInput[] {
  const stat = statOrNull(dir);
  if (!stat)
    throw new CliError(
      `Migration directory ${dir} was not found.`,
      `Create it and add files, or pass --dir <path>. ${NAMING_HINT}`,
    );
  if (!stat.isDirectory())
    throw new CliError(`${dir} is not a directory.`, "Pass a directory with --dir, or a single file with --file.");
  const names = readdirSync(dir).filter((name) => /\.sql$/i.test(name) && statOrNull(path.join(dir, name))?.isFile());
  if (names.length === 0) throw new CliError(`Migration directory ${dir} has no .sql files.`, NAMING_HINT);
  return readAndCheck(names.map((name) => path.join(dir, name)));
}

/** One migration file (`--file`), held to the same rules as a directory's files. */
export function readMigrationFile(file: string): MigrationFileInput[] {
  const stat = statOrNull(file);
  if (!stat) throw new CliError(`--file ${file} was not found.`);
  if (!stat.isFile()) throw new CliError(`--file ${file} is not a file.`, "Pass a directory with --dir instead.");
  return readAndCheck([file]);
}

function readAndCheck(paths: string[]): MigrationFileInput[] {
  // Oversized files are named without reading them into memory.
  const tooLarge = paths.filter((file) => statSync(file).size > MAX_SQL_BYTES);
  if (tooLarge.length > 0) {
    const list = tooLarge.map(
      (file) => `- ${path.basename(file)}: is ${statSync(file).size} bytes; the limit is ${MAX_SQL_BYTES} (1 MiB).`,
    );
    throw new CliError(
      `Migration files too large to push; nothing was applied:\n${list.join("\n")}`,
      "Split each into several files.",
    );
  }
  const files = paths.map((file) => ({ fileName: path.basename(file), sql: readFileSync(file, "utf8") }));
  try {
    checkMigrationFiles(files);
  } catch (err) {
    if (err instanceof MigrationInputError) throw new CliError(err.message, NAMING_HINT);
    throw err;
  }
  return files;
}

function statOrNull(file: string) {
  try {
    return statSync(file);
  } catch {
    return null;
  }
}
