/** One JSON object per line on stdout/stderr, so any log shipper can parse the gateway's output. */
export type LogEntry = { level: "debug" | "info" | "warn" | "error"; msg: string } & Record<string, unknown>;
export type Logger = (entry: LogEntry) => void;

const RANK = { debug: 10, info: 20, warn: 30, error: 40 } as const;

export function jsonLineLogger(minLevel: LogEntry["level"] = "info"): Logger {
  return (entry) => {
    if (RANK[entry.level] < RANK[minLevel]) return;
    const line = JSON.stringify({ time: new Date().toISOString(), service: "flux-gateway", ...entry });
    (entry.level === "error" || entry.level === "warn" ? process.stderr : process.stdout).write(`${line}\n`);
  };
}

export const silentLogger: Logger = () => {};
