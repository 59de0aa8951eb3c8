import { spawn } from "node:child_process";
import http from "node:http";
import path from "node:path";

export type WrkRequest = {
  url: string;
  /** May contain `{id}`, replaced on every request by a random integer in 1..idMax. */
  path: string;
  idMax?: number;
  method?: "GET" | "POST";
  headers?: Record<string, string>;
  body?: string;
};

/** `delayMs`: each connection waits this long before each request (paced load, below saturation). */
export type WrkLoad = { threads: number; connections: number; seconds: number; delayMs?: number };

export type WrkResult = {
  requests: number;
  requestsPerSecond: number;
  non2xx: number;
  socketErrors: number;
  p50Ms: number;
  p90Ms: number;
  p99Ms: number;
};

/** Seconds of unmeasured load before each measured run, so JIT warm-up and pool growth are not timed. */
export const WARMUP_SECONDS = Number(process.env.BENCH_WARMUP_SECONDS ?? 2);

export const DEFAULT_LOAD: WrkLoad = {
  threads: 2,
  connections: 32,
  seconds: Number(process.env.BENCH_SECONDS ?? 10),
};

const SCRIPT = path.join(import.meta.dirname, "wrk-request.lua");

/** A warm-up run (discarded), then the measured one. */
export async function runWrk(request: WrkRequest, load: WrkLoad = DEFAULT_LOAD): Promise<WrkResult> {
  if (WARMUP_SECONDS > 0) await runWrkOnce(request, { ...load, seconds: WARMUP_SECONDS });
  return runWrkOnce(request, load);
}

/** One wrk run (`--latency`), its numbers read from the JSON line the Lua script prints in done(). */
export async function runWrkOnce(request: WrkRequest, load: WrkLoad): Promise<WrkResult> {
  const args = [
    `-t${load.threads}`,
    `-c${load.connections}`,
    `-d${load.seconds}s`,
    "--latency",
    "--timeout",
    "5s",
    "-s",
    SCRIPT,
    `${request.url}/`,
  ];
  const env = {
    ...process.env,
    BENCH_METHOD: request.method ?? "GET",
    BENCH_BODY: request.body ?? "",
    BENCH_PATH: request.path,
    BENCH_ID_MAX: String(request.idMax ?? 1),
    BENCH_DELAY_MS: String(load.delayMs ?? 0),
    BENCH_HEADERS: Object.entries(request.headers ?? {})
      .map(([name, value]) => `${name}: ${value}`)
      .join("\n"),
  };
  const output = await new Promise<string>((resolve, reject) => {
    const child = spawn("wrk", args, { env, stdio: ["ignore", "pipe", "pipe"] });
    let out = "";
    child.stdout.on("data", (chunk: Buffer) => (out += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (out += chunk.toString()));
    child.once("error", reject);
    child.once("exit", (code) => (code === 0 ? resolve(out) : reject(new Error(`wrk exited with ${code}:\n${out}`))));
  });
  const line = output.split("\n").find((l) => l.startsWith("WRK_RESULT "));
  if (!line) throw new Error(`wrk printed no result line:\n${output}`);
  const raw = JSON.parse(line.slice("WRK_RESULT ".length)) as Record<string, number>;
  const n = (key: string) => raw[key] ?? 0;
  return {
    requests: n("requests"),
    requestsPerSecond: n("requests") / (n("durationUs") / 1e6),
    non2xx: n("non2xx"),
    socketErrors: n("connectErrors") + n("readErrors") + n("writeErrors") + n("timeouts"),
    p50Ms: n("p50Us") / 1000,
    p90Ms: n("p90Us") / 1000,
    p99Ms: n("p99Us") / 1000,
  };
}

/**
 * One request of the same shape (node:http, so a Host header is sent as given), so a benchmark can refuse to
 * time something that answers an error.
 */
export function probe(request: WrkRequest): Promise<{ status: number; body: string }> {
  const target = new URL(request.path.replaceAll("{id}", "1"), request.url);
  return new Promise((resolve, reject) => {
    const req = http.request(target, { method: request.method ?? "GET", headers: request.headers }, (res) => {
      let body = "";
      res.on("data", (chunk: Buffer) => (body += chunk.toString()));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.once("error", reject);
    req.end(request.body);
  });
}
