import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import type pg from "pg";
import { FluxError } from "@/lib/api/errors";
import type { FluxConfig } from "@/lib/config";

export type PgTool = "pg_dump" | "pg_restore" | "psql";

export const pgToolPath = (config: Pick<FluxConfig, "FLUX_PG_BIN_DIR">, tool: PgTool): string =>
  config.FLUX_PG_BIN_DIR ? path.join(config.FLUX_PG_BIN_DIR, tool) : tool;

/**
 * Connection settings as libpq environment variables, so no password ever appears on a command line (where
 * `ps` would show it to every user of the machine).
 */
export function libpqEnv(databaseUrl: string): NodeJS.ProcessEnv {
  const url = new URL(databaseUrl);
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PGHOST: url.hostname,
    PGPORT: url.port || "5432",
    PGDATABASE: decodeURIComponent(url.pathname.slice(1)),
  };
  if (url.username) env.PGUSER = decodeURIComponent(url.username);
  if (url.password) env.PGPASSWORD = decodeURIComponent(url.password);
  const sslmode = url.searchParams.get("sslmode");
  if (sslmode) env.PGSSLMODE = sslmode;
  return env;
}

/** Starts a client tool; a missing binary becomes an error that says how to install or point at it. */
export function spawnPgTool(
  config: Pick<FluxConfig, "FLUX_PG_BIN_DIR">,
  tool: PgTool,
  args: string[],
  databaseUrl?: string,
): ChildProcess {
  const child = spawn(pgToolPath(config, tool), args, {
    env: databaseUrl ? libpqEnv(databaseUrl) : process.env,
    stdio: ["pipe", "pipe", "pipe"],
  });
  return child;
}

/** Runs a tool to completion; resolves with its stdout, rejects with the tail of its stderr. */
export function runPgTool(
  config: Pick<FluxConfig, "FLUX_PG_BIN_DIR">,
  tool: PgTool,
  args: string[],
  databaseUrl?: string,
): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawnPgTool(config, tool, args, databaseUrl);
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout?.on("data", (chunk: Buffer) => out.push(chunk));
    child.stderr?.on("data", (chunk: Buffer) => err.push(chunk));
    child.on("error", (error) => reject(missingTool(tool, error)));
    child.on("close", (code) => {
      if (code === 0) resolve(Buffer.concat(out).toString("utf8"));
      else reject(new Error(`${tool} exited with ${code}: ${tailOf(Buffer.concat(err).toString("utf8"))}`));
    });
    child.stdin?.end();
  });
}

export function missingTool(tool: PgTool, error: Error): Error {
  if ((error as NodeJS.ErrnoException).code !== "ENOENT") return error;
  return new FluxError(
    "unavailable",
    `${tool} was not found. Install the PostgreSQL client (Debian: apt-get install postgresql-client), or set FLUX_PG_BIN_DIR to the directory holding it.`,
  );
}

/** The last lines of a tool's stderr: enough to say what failed without flooding the catalog row. */
export const tailOf = (stderr: string): string => stderr.trim().split("\n").slice(-6).join("\n").slice(0, 2_000);

/** "pg_dump (PostgreSQL) 15.8 (Debian 15.8-0+deb12u1)" → 15 */
export function majorOfToolVersion(output: string): number | null {
  const match = /\)\s+(\d+)(?:\.(\d+))?/.exec(output);
  return match?.[1] ? Number(match[1]) : null;
}

/**
 * pg_dump and pg_restore refuse or misread archives of a newer server; checking first turns that into one
 * clear sentence instead of a mid-dump failure.
 */
export async function assertClientMatchesServer(
  config: Pick<FluxConfig, "FLUX_PG_BIN_DIR">,
  tool: PgTool,
  client: pg.Client,
): Promise<{ clientVersion: string; serverVersion: string }> {
  const clientVersion = (await runPgTool(config, tool, ["--version"])).trim();
  const { rows } = await client.query<{ num: string; version: string }>(
    "select current_setting('server_version_num') as num, current_setting('server_version') as version",
  );
  const serverMajor = Math.floor(Number(rows[0]?.num ?? "0") / 10_000);
  const clientMajor = majorOfToolVersion(clientVersion);
  if (clientMajor === null || clientMajor < serverMajor) {
    throw new FluxError(
      "unavailable",
      `${tool} is version ${clientMajor ?? "unknown"} ("${clientVersion}") but the server is PostgreSQL ${serverMajor}; ${tool} must be at least the server's major version. Install postgresql-client-${serverMajor} or newer, or set FLUX_PG_BIN_DIR to its bin directory.`,
    );
  }
  return { clientVersion, serverVersion: rows[0]?.version ?? "" };
}
