import { spawnSync } from "node:child_process";

const INSTALL_HINT: Record<string, string> = {
  wrk: "apt-get install wrk",
  pgbench: "apt-get install postgresql-client (pgbench ships with PostgreSQL)",
  psql: "apt-get install postgresql-client",
};

/** Stops the benchmark before it creates anything when a load tool is missing, naming how to install it. */
export function requireTools(names: string[]): void {
  const missing = names.filter((name) => spawnSync("sh", ["-c", `command -v ${name}`]).status !== 0);
  if (missing.length === 0) return;
  const lines = missing.map((name) => `  ${name}: not on PATH; install it with: ${INSTALL_HINT[name] ?? name}`);
  process.stderr.write(`This benchmark needs tools that are not installed:\n${lines.join("\n")}\n`);
  process.exit(2);
}
