export type MigrationFileName = { fileName: string; version: string; name: string };

const FILE_NAME = /^(\d{4,})_([A-Za-z0-9][A-Za-z0-9_-]{0,99})\.sql$/;

/**
 * `0001_create_todos.sql` → { version: "0001", name: "create_todos" }. Accepts a path (only the last part
 * counts); returns null for anything else so the caller can say which file does not follow the pattern.
 */
export function parseMigrationFileName(pathOrName: string): MigrationFileName | null {
  const fileName = pathOrName.split(/[\\/]/).pop() ?? "";
  const match = FILE_NAME.exec(fileName);
  if (!match?.[1] || !match[2]) return null;
  return { fileName, version: match[1], name: match[2] };
}

/** Sorts migration files by their numeric version, the order they must be applied in. */
export function sortMigrationFiles<T extends MigrationFileName>(files: T[]): T[] {
  return [...files].sort((a, b) => Number(a.version) - Number(b.version) || a.fileName.localeCompare(b.fileName));
}
