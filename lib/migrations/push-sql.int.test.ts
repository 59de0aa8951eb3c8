import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TenantSqlError } from "@/lib/engines";
import { provisionTestTenant, withClient, type TestTenant } from "@/tests/fixtures/tenant";
import { pushSql } from "./push-sql";

let t: TestTenant;
beforeAll(async () => {
  t = await provisionTestTenant();
});
afterAll(async () => {
  await t?.cleanup();
});

describe("pushSql against a real tenant", () => {
  it("applies files in order with versions 0001, 0002 and records them in the history", async () => {
    const base = { engine: t.engine, project: t.project, actorUserId: null };
    const first = await pushSql({ ...base, name: "0001_todos.sql", sql: "create table todos (id bigserial primary key, title text);" });
    const second = await pushSql({ ...base, name: "0002_seed.sql", sql: "insert into todos (title) values ('a'), ('b');" });
    expect([first.version, second.version]).toEqual(["0001", "0002"]);
    expect((await t.engine.listAppliedSql(t.project)).map((h) => [h.version, h.name])).toEqual([
      ["0001", "0001_todos.sql"],
      ["0002", "0002_seed.sql"],
    ]);
    const { rows } = await withClient(t.credentials.apiDatabaseUrl, (c) => c.query("select count(*)::int as n from todos"));
    expect(rows[0]).toEqual({ n: 2 });
  });

  it("passes PostgreSQL's refusal through as a TenantSqlError", async () => {
    await expect(pushSql({ engine: t.engine, project: t.project, name: "0003_bad.sql", sql: "selec 1;", actorUserId: null })).rejects.toBeInstanceOf(
      TenantSqlError,
    );
  });
});
