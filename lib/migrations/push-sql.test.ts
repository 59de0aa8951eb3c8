import { describe, expect, it } from "vitest";
import { engineFor } from "@/lib/engines/registry";
import { checkPushSqlInput, MAX_SQL_BYTES, MigrationInputError, pushSql } from "./push-sql";

describe("checkPushSqlInput", () => {
  it("accepts a named, non-empty file", () => {
    expect(() => checkPushSqlInput("0001_init.sql", "create table t (id int);")).not.toThrow();
  });

  it.each([
    ["", "select 1", /Migration name "" is not allowed/],
    ["../etc/passwd", "select 1", /is not allowed/],
    ["0001 init", "select 1", /is not allowed/],
    ["0001_init", "  \n ", /is empty/],
    ["0001_init", "select 1\0", /NUL byte/],
    ["0001_init", "x".repeat(MAX_SQL_BYTES + 1), /limit is 1048576 \(1 MB\)/],
  ])("refuses name %j with a message saying what to fix", (name, sql, message) => {
    expect(() => checkPushSqlInput(name, sql)).toThrow(MigrationInputError);
    expect(() => checkPushSqlInput(name, sql)).toThrow(message);
  });

  it("counts the limit in UTF-8 bytes, not characters", () => {
    expect(() => checkPushSqlInput("big", "é".repeat(MAX_SQL_BYTES / 2 + 1))).toThrow(/bytes/);
  });
});

describe("pushSql", () => {
  it("refuses invalid input before reaching the engine", async () => {
    const engine = engineFor("v1_dedicated", { tenantAdminUrl: "postgres://127.0.0.1/x", dataPlaneKey: "k" });
    const project = { tenantId: "5ecfa3ab-72d1-4c3e-9a8b-0123456789ab", mode: "v1_dedicated" as const, plan: "free" as const, clusterDatabaseUrl: "postgres://127.0.0.1/x" };
    await expect(pushSql({ engine, project, name: "0001_init", sql: "", actorUserId: null })).rejects.toThrow(MigrationInputError);
    await expect(pushSql({ engine, project, name: "0001_init", sql: "select 1", actorUserId: null })).rejects.toThrow(/container engine/);
  });
});
