import { createLogger, type Logger as FluxLogger, type LogLevel, type LogSink } from "@/lib/log";

/**
 * The gateway logs entries (`logger({ level, msg, ...fields })`); they become lib/log's JSON lines, redacted,
 * with `service: "gateway"`.
 */
export type LogEntry = { level: LogLevel; msg: string } & Record<string, unknown>;
export type Logger = (entry: LogEntry) => void;

export function jsonLineLogger(minLevel: LogLevel = "info", sink?: LogSink): Logger {
  return entryLogger(createLogger({ service: "gateway", level: minLevel, sink }));
}

/** Adapts a lib/log logger to the gateway's entry-style calls. */
export function entryLogger(logger: FluxLogger): Logger {
  return ({ level, msg, ...fields }) => logger[level](msg, fields);
}

export const silentLogger: Logger = () => {};
