export {
  checkMigrationFiles,
  sha256Hex,
  MAX_SQL_BYTES,
  MAX_MIGRATION_FILES,
  type MigrationFileInput,
} from "./check-migration-files";
export { MigrationConflictError, MigrationInputError } from "./migration-input-error";
export { parseMigrationFileName, sortMigrationFiles, type MigrationFileName } from "./migration-file-name";
export { planPush, type PlannedFile } from "./plan-push";
export {
  pushMigrations,
  MigrationFailedError,
  type PushOutcome,
  type PushedFile,
  type PushStatus,
} from "./push-migrations";
export { toHistoryResponse, toPushedFileResponse } from "./to-history-response";
