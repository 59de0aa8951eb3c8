import type { AppliedSql, EngineProject, TenantEngine } from "@/lib/engines/types";

export const MAX_SQL_BYTES = 1024 * 1024;
/** A file name (`0001_create_todos.sql`) or a plain label (`create_todos`); no paths, no spaces. */
export const MIGRATION_NAME = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,127}$/;

/** Input that cannot be pushed; nothing was sent to the database. */
export class MigrationInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "MigrationInputError";
  }
}

export type PushSqlInput = {
  engine: TenantEngine;
  project: EngineProject;
  name: string;
  sql: string;
  actorUserId: string | null;
};

/**
 * Checks a SQL file and hands it to the project's engine, which runs it as the tenant's owner role in one
 * transaction with its history row. Engine errors (TenantSqlError for SQL PostgreSQL refused) pass through.
 */
export async function pushSql({ engine, project, name, sql, actorUserId }: PushSqlInput): Promise<AppliedSql> {
  checkPushSqlInput(name, sql);
  return engine.importSql(project, { name, sql, actorUserId });
}

export function checkPushSqlInput(name: string, sql: string): void {
  if (!MIGRATION_NAME.test(name)) {
    throw new MigrationInputError(
      `Migration name ${JSON.stringify(name)} is not allowed: use 1–128 letters, digits, "_", "-" or ".", starting with a letter or digit (e.g. 0001_create_todos.sql).`,
    );
  }
  if (sql.trim().length === 0) throw new MigrationInputError(`Migration "${name}" is empty: write at least one SQL statement.`);
  if (sql.includes("\0")) throw new MigrationInputError(`Migration "${name}" contains a NUL byte; PostgreSQL cannot accept it.`);
  const bytes = Buffer.byteLength(sql, "utf8");
  if (bytes > MAX_SQL_BYTES) {
    throw new MigrationInputError(`Migration "${name}" is ${bytes} bytes; the limit is ${MAX_SQL_BYTES} (1 MB). Split it into several files.`);
  }
}
