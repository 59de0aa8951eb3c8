import { describe, expect, it } from "vitest";
import { checkMigrationFiles, MAX_SQL_BYTES, sha256Hex } from "./check-migration-files";
import { MigrationInputError } from "./migration-input-error";

describe("checkMigrationFiles", () => {
  it("returns the files in version order with their sha256", () => {
    const files = checkMigrationFiles([
      { fileName: "0010_c.sql", sql: "select 3" },
      { fileName: "0002_b.sql", sql: "select 2" },
    ]);
    expect(files.map((f) => [f.version, f.name, f.fileName])).toEqual([
      ["0002", "b", "0002_b.sql"],
      ["0010", "c", "0010_c.sql"],
    ]);
    expect(files[0]?.checksum).toBe(sha256Hex("select 2"));
  });

  it("lists every problem in one message: bad name, duplicate version, empty, NUL byte, too large", () => {
    const attempt = () =>
      checkMigrationFiles([
        { fileName: "create_todos.sql", sql: "select 1" },
        { fileName: "0001_a.sql", sql: "select 1" },
        { fileName: "00001_b.sql", sql: "select 1" },
        { fileName: "0002_empty.sql", sql: " \n" },
        { fileName: "0003_binary.sql", sql: "select\0" },
        { fileName: "0004_big.sql", sql: "x".repeat(MAX_SQL_BYTES + 1) },
      ]);
    expect(attempt).toThrow(MigrationInputError);
    const message = (() => {
      try {
        attempt();
      } catch (err) {
        return (err as Error).message;
      }
      return "";
    })();
    expect(message).toMatch(/^5 migration files cannot be pushed; nothing was applied/);
    expect(message).toContain("- create_todos.sql: the name must be NNNN_name.sql");
    expect(message).toContain("- 00001_b.sql: version 00001 is also used by 0001_a.sql");
    expect(message).toContain("- 0002_empty.sql: is empty");
    expect(message).toContain("- 0003_binary.sql: contains a NUL byte");
    expect(message).toContain(`- 0004_big.sql: is ${MAX_SQL_BYTES + 1} bytes; the limit is ${MAX_SQL_BYTES}`);
  });

  it("refuses a path instead of a bare file name, and an empty push", () => {
    expect(() => checkMigrationFiles([{ fileName: "../0001_x.sql", sql: "select 1" }])).toThrow(
      /the name must be NNNN_name\.sql/,
    );
    expect(() => checkMigrationFiles([])).toThrow(/No migration files were sent/);
  });

  it("counts the size limit in UTF-8 bytes", () => {
    expect(() => checkMigrationFiles([{ fileName: "0001_x.sql", sql: "é".repeat(MAX_SQL_BYTES / 2 + 1) }])).toThrow(
      /bytes; the limit/,
    );
  });
});
