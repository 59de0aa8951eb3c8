import { createLogger as createFluxLogger, type Logger, type LogLevel } from "@/lib/log";

export type { LogFields, Logger, LogLevel } from "@/lib/log";

/** rest's logger: lib/log's JSON lines (redacted) with `service: "rest"`. */
export function createLogger(level: LogLevel, service = "rest"): Logger {
  return createFluxLogger({ service, level });
}
