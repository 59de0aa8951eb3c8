export { pushSql, checkPushSqlInput, MigrationInputError, MAX_SQL_BYTES, MIGRATION_NAME, type PushSqlInput } from "./push-sql";
export { parseMigrationFileName, sortMigrationFiles, type MigrationFileName } from "./migration-file-name";
