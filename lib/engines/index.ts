export * from "./types";
export { engineFor, type EngineDeps } from "./registry";
export { TenantSqlError } from "./v2-shared/tenant-sql-error";
export { V1_DEDICATED_UNAVAILABLE } from "./v1-dedicated/engine";
export { OwnerConnectionLimitError, PushInProgressError } from "./push-limit-errors";
