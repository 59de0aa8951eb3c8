import { describe, expect, it } from "vitest";
import { parseMigrationFileName, sortMigrationFiles } from "./migration-file-name";

describe("parseMigrationFileName", () => {
  it("reads the version and name of NNNN_name.sql, from a bare name or a path", () => {
    expect(parseMigrationFileName("0001_create_todos.sql")).toEqual({
      fileName: "0001_create_todos.sql",
      version: "0001",
      name: "create_todos",
    });
    expect(parseMigrationFileName("flux/migrations/0012_add-index.sql")).toMatchObject({
      version: "0012",
      name: "add-index",
    });
    expect(parseMigrationFileName("C:\\app\\migrations\\10000_big.sql")).toMatchObject({
      version: "10000",
      name: "big",
    });
  });

  it.each([
    "create_todos.sql",
    "001_short.sql",
    "0001_.sql",
    "0001_todos.txt",
    "0001 todos.sql",
    "0001_../x.sql",
    "0001_a b.sql",
    "",
  ])("rejects %j", (name) => {
    expect(parseMigrationFileName(name)).toBeNull();
  });

  it("sorts by numeric version", () => {
    const files = ["0010_c.sql", "0002_b.sql", "0001_a.sql"]
      .map((f) => parseMigrationFileName(f))
      .filter((f) => f !== null);
    expect(sortMigrationFiles(files).map((f) => f.version)).toEqual(["0001", "0002", "0010"]);
  });
});
