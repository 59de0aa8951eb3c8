export { loadConfig, ConfigError, type FluxConfig } from "./load-config";
export { tenantDatabaseUrlFor, databaseNameOf, withDatabase, redactUrl } from "./tenant-database-url";
export { readLocalRuntime, writeLocalRuntime, localRuntimeEnv, ensureLocalSecrets, FLUX_HOME } from "./local-runtime";
