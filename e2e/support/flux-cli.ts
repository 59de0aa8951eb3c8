import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import { e2eEnv } from "./e2e-env";

const run = promisify(execFile);

export type CliResult = { code: number; stdout: string; stderr: string };

/** Runs the real `flux` CLI (cli/bin.mjs) as a user would, in the e2e environment plus `extraEnv`. */
export async function flux(args: string[], extraEnv: Record<string, string> = {}): Promise<CliResult> {
  try {
    const { stdout, stderr } = await run(process.execPath, [path.join("cli", "bin.mjs"), ...args], {
      env: { ...e2eEnv(), ...extraEnv } as NodeJS.ProcessEnv,
      timeout: 60_000,
    });
    return { code: 0, stdout, stderr };
  } catch (err) {
    const e = err as { code?: number; stdout?: string; stderr?: string };
    return { code: typeof e.code === "number" ? e.code : 1, stdout: e.stdout ?? "", stderr: e.stderr ?? "" };
  }
}

export async function fluxOk(args: string[], extraEnv: Record<string, string> = {}): Promise<string> {
  const result = await flux(args, extraEnv);
  if (result.code !== 0)
    throw new Error(`flux ${args.join(" ")} failed (${result.code}): ${result.stderr}${result.stdout}`);
  return result.stdout;
}
