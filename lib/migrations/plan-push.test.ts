import { describe, expect, it } from "vitest";
import type { AppliedSql } from "@/lib/engines/types";
import { checkMigrationFiles, sha256Hex } from "./check-migration-files";
import { MigrationConflictError } from "./migration-input-error";
import { planPush } from "./plan-push";

const at = new Date("2026-01-02T03:04:05.000Z");
const row = (version: string, sql: string): AppliedSql => ({
  version,
  name: "x",
  checksum: sha256Hex(sql),
  appliedAt: at,
});
const files = (...entries: [string, string][]) =>
  checkMigrationFiles(entries.map(([fileName, sql]) => ({ fileName, sql })));

describe("planPush", () => {
  it("applies what is new after the highest applied version and leaves identical files alone", () => {
    const plan = planPush(
      files(["0001_a.sql", "select 1"], ["0002_b.sql", "select 2"]),
      [row("0001", "select 1")],
      false,
    );
    expect(plan.map((p) => [p.fileName, p.action, p.outOfOrder])).toEqual([
      ["0001_a.sql", "unchanged", false],
      ["0002_b.sql", "apply", false],
    ]);
  });

  it("refuses a changed file, naming it, both checksums and the two ways out", () => {
    const attempt = () => planPush(files(["0001_a.sql", "select 11"]), [row("0001", "select 1")], false);
    expect(attempt).toThrow(MigrationConflictError);
    expect(attempt).toThrow(/0001_a\.sql has changed since it was applied on 2026-01-02T03:04:05\.000Z/);
    expect(attempt).toThrow(/put the change in a new file \(0002_a\.sql\), or pass --force/);
  });

  it("refuses an out-of-order file (lower than the highest applied, not applied) with the next free version", () => {
    const attempt = () =>
      planPush(
        files(["0002_late.sql", "select 2"], ["0003_c.sql", "select 3"]),
        [row("0001", "select 1"), row("0003", "select 3")],
        false,
      );
    expect(attempt).toThrow(/0002_late\.sql is not applied, but a later version \(0003\) already is/);
    expect(attempt).toThrow(/e\.g\. 0004_late\.sql/);
  });

  it("with force: applies out-of-order files and re-records changed ones (never re-running them)", () => {
    const plan = planPush(
      files(["0001_a.sql", "select 11"], ["0002_late.sql", "select 2"]),
      [row("0001", "select 1"), row("0003", "select 3")],
      true,
    );
    expect(plan.map((p) => [p.fileName, p.action, p.outOfOrder])).toEqual([
      ["0001_a.sql", "accept_checksum", false],
      ["0002_late.sql", "apply", true],
    ]);
  });

  it("compares versions as numbers (0010 after 0009, 00001 = 0001) and ignores non-numeric history rows", () => {
    const plan = planPush(
      files(["00001_a.sql", "select 1"], ["0010_b.sql", "select 10"]),
      [row("0001", "select 1"), row("0009", "select 9"), row("legacy", "x")],
      false,
    );
    expect(plan.map((p) => p.action)).toEqual(["unchanged", "apply"]);
  });
});
