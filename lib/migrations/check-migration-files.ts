import { createHash } from "node:crypto";
import type { MigrationToRun } from "@/lib/engines/types";
import { MigrationInputError } from "./migration-input-error";
import { parseMigrationFileName, sortMigrationFiles } from "./migration-file-name";

export const MAX_SQL_BYTES = 1024 * 1024;
export const MAX_MIGRATION_FILES = 1000;
/** Versions are compared as numbers; 15 digits (e.g. a yyyymmddhhmmss timestamp) stay exact in a double. */
const MAX_VERSION_DIGITS = 15;

export type MigrationFileInput = { fileName: string; sql: string };

export const sha256Hex = (sql: string): string => createHash("sha256").update(sql, "utf8").digest("hex");

/**
 * Checks a push's files all at once and lists every problem (bad name, duplicate version, empty, NUL byte,
 * too large), so one round of fixes is enough. Returns them in the order they must run.
 */
export function checkMigrationFiles(files: MigrationFileInput[]): MigrationToRun[] {
  if (files.length === 0)
    throw new MigrationInputError("No migration files were sent: add a file named like 0001_create_todos.sql.");
  if (files.length > MAX_MIGRATION_FILES) {
    throw new MigrationInputError(
      `${files.length} migration files were sent; the limit is ${MAX_MIGRATION_FILES}. Squash old migrations into one file.`,
    );
  }
  const problems: string[] = [];
  const checked: MigrationToRun[] = [];
  const byVersion = new Map<number, string>();
  for (const file of files) {
    const problem = problemOf(file);
    if (problem) {
      problems.push(`${file.fileName}: ${problem}`);
      continue;
    }
    const parsed = parseMigrationFileName(file.fileName);
    if (!parsed) continue;
    const same = byVersion.get(Number(parsed.version));
    if (same)
      problems.push(
        `${file.fileName}: version ${parsed.version} is also used by ${same}; give one of them the next free number.`,
      );
    byVersion.set(Number(parsed.version), file.fileName);
    checked.push({ ...parsed, sql: file.sql, checksum: sha256Hex(file.sql) });
  }
  if (problems.length > 0) {
    const head =
      problems.length === 1
        ? "A migration file cannot be pushed"
        : `${problems.length} migration files cannot be pushed`;
    throw new MigrationInputError(`${head}; nothing was applied:\n${problems.map((p) => `- ${p}`).join("\n")}`);
  }
  return sortMigrationFiles(checked);
}

function problemOf(file: MigrationFileInput): string | null {
  const parsed = parseMigrationFileName(file.fileName);
  if (!parsed || parsed.fileName !== file.fileName) {
    return "the name must be NNNN_name.sql (at least 4 digits, an underscore, then letters, digits, _ or -), e.g. 0001_create_todos.sql.";
  }
  if (parsed.version.length > MAX_VERSION_DIGITS) return `the version has more than ${MAX_VERSION_DIGITS} digits.`;
  if (file.sql.includes("\0")) return "contains a NUL byte; PostgreSQL cannot accept it (is it a binary file?).";
  const bytes = Buffer.byteLength(file.sql, "utf8");
  if (bytes > MAX_SQL_BYTES)
    return `is ${bytes} bytes; the limit is ${MAX_SQL_BYTES} (1 MiB). Split it into several files.`;
  if (file.sql.trim().length === 0) return "is empty; write at least one SQL statement.";
  return null;
}
