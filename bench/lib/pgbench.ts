import { spawn } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

export type PgbenchMode = "simple" | "extended" | "prepared";

export type PgbenchRun = {
  /** The tenant role's login URL: pgbench runs with the same privileges and settings as rest's pool. */
  databaseUrl: string;
  script: string;
  mode: PgbenchMode;
  clients: number;
  threads: number;
  seconds: number;
};

export type PgbenchResult = { tps: number; transactions: number; failed: number; latencyMs: number };

/** One pgbench run of a custom script (`-n`: no vacuum of pgbench's own tables, which do not exist here). */
export async function runPgbench(run: PgbenchRun): Promise<PgbenchResult> {
  const dir = mkdtempSync(path.join(tmpdir(), "flux-pgbench-"));
  const file = path.join(dir, "script.sql");
  writeFileSync(file, run.script);
  try {
    const args = [
      "-n",
      `-c${run.clients}`,
      `-j${run.threads}`,
      `-T${run.seconds}`,
      `-M${run.mode}`,
      "-f",
      file,
      run.databaseUrl,
    ];
    const output = await new Promise<string>((resolve, reject) => {
      const child = spawn("pgbench", args, { stdio: ["ignore", "pipe", "pipe"] });
      let out = "";
      child.stdout.on("data", (chunk: Buffer) => (out += chunk.toString()));
      child.stderr.on("data", (chunk: Buffer) => (out += chunk.toString()));
      child.once("error", reject);
      child.once("exit", (code) =>
        code === 0 ? resolve(out) : reject(new Error(`pgbench exited with ${code}:\n${out}`)),
      );
    });
    const number = (pattern: RegExp) => Number(pattern.exec(output)?.[1] ?? Number.NaN);
    const result = {
      tps: number(/tps = ([\d.]+) \(without initial connection time\)/),
      transactions: number(/number of transactions actually processed: (\d+)/),
      failed: number(/number of failed transactions: (\d+)/) || 0,
      latencyMs: number(/latency average = ([\d.]+) ms/),
    };
    if (!Number.isFinite(result.tps)) throw new Error(`pgbench printed no tps line:\n${output}`);
    return result;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * A pgbench literal for a text value: pgbench scripts cannot bind strings, so the preamble's values appear as
 * standard-conforming literals (the same bytes rest sends as parameters).
 */
export function pgbenchLiteral(value: string): string {
  return `'${value.replaceAll("'", "''")}'`;
}
