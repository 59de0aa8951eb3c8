import { spawn, type ChildProcess } from "node:child_process";
import { chmodSync, chownSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { execFileSync } from "node:child_process";

export const PGBOUNCER_BINARY = "/usr/sbin/pgbouncer";

export type PgBouncerLogin = { user: string; password: string };

export type RunningPgBouncer = {
  port: number;
  /** `postgres://127.0.0.1:<port>/<database>` without a login: what FLUX_REST_POOL_URL takes. */
  url: string;
  /** pgbouncer's own log, for a failing test's message. */
  log(): string;
  close(): Promise<void>;
};

/**
 * A private PgBouncer in TRANSACTION mode on a free loopback port, in front of `upstreamUrl`'s server and
 * database. Logins come from an auth_file holding each role's password in clear text: PgBouncer then
 * answers the client's SCRAM exchange itself and logs in upstream with SCRAM too (a SCRAM secret copied
 * from pg_authid would also work, a plain md5 file would not). `serverPoolSize` server connections per
 * (database, user) — keep it below the client pool size so connections really are shared between clients.
 * PgBouncer refuses to run as root, so under root it runs as the `postgres` system user via runuser.
 */
export async function startPgBouncer(options: {
  upstreamUrl: string;
  logins: PgBouncerLogin[];
  serverPoolSize?: number;
}): Promise<RunningPgBouncer> {
  if (!existsSync(PGBOUNCER_BINARY)) throw new Error(`${PGBOUNCER_BINARY} is missing: apt-get install pgbouncer`);
  const upstream = new URL(options.upstreamUrl);
  const database = decodeURIComponent(upstream.pathname.slice(1));
  const port = await freePort();
  const dir = mkdtempSync(path.join(os.tmpdir(), "flux-pgbouncer-"));
  const quote = (value: string) => `"${value.replace(/"/g, '""')}"`;
  writeFileSync(
    path.join(dir, "userlist.txt"),
    options.logins.map((login) => `${quote(login.user)} ${quote(login.password)}\n`).join(""),
  );
  writeFileSync(
    path.join(dir, "pgbouncer.ini"),
    [
      "[databases]",
      `${database} = host=${upstream.hostname} port=${upstream.port || "5432"} dbname=${database}`,
      "[pgbouncer]",
      "listen_addr = 127.0.0.1",
      `listen_port = ${port}`,
      "unix_socket_dir =",
      "auth_type = scram-sha-256",
      `auth_file = ${path.join(dir, "userlist.txt")}`,
      "pool_mode = transaction",
      `default_pool_size = ${options.serverPoolSize ?? 1}`,
      "max_client_conn = 500",
      "ignore_startup_parameters = extra_float_digits",
      `logfile = ${path.join(dir, "pgbouncer.log")}`,
      `pidfile = ${path.join(dir, "pgbouncer.pid")}`,
      "",
    ].join("\n"),
  );
  const asRoot = process.getuid?.() === 0;
  if (asRoot) handOver(dir);
  const command = asRoot
    ? (["runuser", ["-u", "postgres", "--", PGBOUNCER_BINARY, path.join(dir, "pgbouncer.ini")]] as const)
    : ([PGBOUNCER_BINARY, [path.join(dir, "pgbouncer.ini")]] as const);
  const child = spawn(command[0], [...command[1]], { stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  child.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const log = () => {
    const file = path.join(dir, "pgbouncer.log");
    return output + (existsSync(file) ? readFileSync(file, "utf8") : "");
  };
  try {
    await waitForPort(port, child);
  } catch (error) {
    await stop(child, dir);
    throw new Error(`pgbouncer did not start: ${(error as Error).message}\n${log()}`);
  }
  return {
    port,
    url: `postgres://127.0.0.1:${port}/${encodeURIComponent(database)}`,
    log,
    close: () => stop(child, dir),
  };
}

/** The postgres system user must read the config and write the log and pid file. */
function handOver(dir: string): void {
  const uid = Number(execFileSync("id", ["-u", "postgres"]).toString().trim());
  const gid = Number(execFileSync("id", ["-g", "postgres"]).toString().trim());
  for (const name of ["", "userlist.txt", "pgbouncer.ini"]) chownSync(path.join(dir, name), uid, gid);
  chmodSync(dir, 0o700);
  chmodSync(path.join(dir, "userlist.txt"), 0o600);
}

async function stop(child: ChildProcess, dir: string): Promise<void> {
  // Signal pgbouncer itself (runuser may not forward), then its parent.
  const pidFile = path.join(dir, "pgbouncer.pid");
  if (existsSync(pidFile)) {
    const pid = Number(readFileSync(pidFile, "utf8").trim());
    if (Number.isInteger(pid) && pid > 0) {
      try {
        process.kill(pid, "SIGINT");
      } catch {
        // already gone
      }
    }
  }
  if (child.exitCode === null && child.signalCode === null) {
    const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
    child.kill("SIGTERM");
    await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 3_000))]);
  }
  rmSync(dir, { recursive: true, force: true });
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

async function waitForPort(port: number, child: ChildProcess): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`exited with code ${child.exitCode}`);
    const open = await new Promise<boolean>((resolve) => {
      const socket = net.connect(port, "127.0.0.1");
      socket.once("connect", () => {
        socket.destroy();
        resolve(true);
      });
      socket.once("error", () => resolve(false));
    });
    if (open) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`port ${port} did not open within 10 s`);
}
