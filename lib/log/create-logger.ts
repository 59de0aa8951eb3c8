import { writeSync } from "node:fs";
import { redact } from "./redact";

export type LogLevel = "debug" | "info" | "warn" | "error";
export type LogFields = Record<string, unknown>;
export type Logger = Record<LogLevel, (msg: string, fields?: LogFields) => void>;

/** Where finished lines go; tests capture them, processes write to stdout/stderr. */
export type LogSink = (line: string, level: LogLevel) => void;

export const LOG_LEVELS: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40 };

export type LoggerOptions = {
  /** Names the process in every line: "rest", "gateway", "worker". */
  service: string;
  level?: LogLevel;
  sink?: LogSink;
};

const RESERVED = ["time", "level", "service", "msg"] as const;

const standardSink: LogSink = batchedStdioSink();

/**
 * stdout / stderr writes are synchronous system calls on Linux pipes and files; a busy process logging one line
 * per request would pay one per line. Lines of one event-loop turn are joined and written together, and whatever
 * is still queued when the process exits is written synchronously, so a normal exit or a crash loses nothing.
 */
function batchedStdioSink(): LogSink {
  const queued: Record<1 | 2, string[]> = { 1: [], 2: [] };
  let scheduled = false;
  let exitHooked = false;
  const flush = () => {
    scheduled = false;
    for (const fd of [1, 2] as const) {
      if (queued[fd].length === 0) continue;
      const text = queued[fd].join("");
      queued[fd] = [];
      (fd === 1 ? process.stdout : process.stderr).write(text);
    }
  };
  const flushSync = () => {
    for (const fd of [1, 2] as const) {
      if (queued[fd].length === 0) continue;
      const text = queued[fd].join("");
      queued[fd] = [];
      try {
        writeSync(fd, text);
      } catch {
        // stdout closed under us: nothing left to tell.
      }
    }
  };
  return (line, level) => {
    queued[level === "warn" || level === "error" ? 2 : 1].push(`${line}\n`);
    if (!exitHooked) {
      exitHooked = true;
      process.once("exit", flushSync);
    }
    if (!scheduled) {
      scheduled = true;
      setImmediate(flush);
    }
  };
}

/**
 * One JSON object per line, the same shape in every Flux process: `time`, `level`, `service`, `msg`, then the
 * fields (`requestId` among them when there is one). Every line passes through `redact` first, so a token,
 * secret or password handed to the logger by mistake is dropped rather than shipped.
 */
export function createLogger(options: LoggerOptions): Logger {
  const minimum = LOG_LEVELS[options.level ?? "info"];
  const sink = options.sink ?? standardSink;
  const write =
    (level: LogLevel) =>
    (msg: string, fields: LogFields = {}) => {
      if (LOG_LEVELS[level] < minimum) return;
      const safe = redact(fields) as LogFields;
      // The line's own keys cannot be overwritten by a field of the same name.
      for (const key of RESERVED) delete safe[key];
      const line = { time: new Date().toISOString(), level, service: options.service, msg: redact(msg), ...safe };
      sink(JSON.stringify(line), level);
    };
  return { debug: write("debug"), info: write("info"), warn: write("warn"), error: write("error") };
}

export const silentLogger: Logger = { debug: () => {}, info: () => {}, warn: () => {}, error: () => {} };
