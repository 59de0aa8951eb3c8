import { createHash } from "node:crypto";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { provisionTestTenant, withClient, type TestTenant } from "@/tests/fixtures/tenant";
import { TenantSqlError } from "./tenant-sql-error";

let a: TestTenant;
let b: TestTenant;
beforeAll(async () => {
  a = await provisionTestTenant();
  b = await provisionTestTenant();
  await b.engine.importSql(b.project, {
    name: "b_data",
    sql: "create table private (v text); insert into private values ('b');",
    actorUserId: null,
  });
});
afterAll(async () => {
  await a?.cleanup();
  await b?.cleanup();
});

const push = (t: TestTenant, name: string, sql: string) =>
  t.engine.importSql(t.project, { name, sql, actorUserId: null });
const adminUrl = () => process.env.FLUX_TENANT_DATABASE_URL ?? "";

async function refusal(t: TestTenant, sql: string): Promise<TenantSqlError> {
  const error = await push(t, "attack", sql).then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(TenantSqlError);
  return error as TenantSqlError;
}

async function relationExists(name: string): Promise<boolean> {
  const { rows } = await withClient(adminUrl(), (c) => c.query("select to_regclass($1) is not null as found", [name]));
  return rows[0]?.found === true;
}

describe("pushed SQL runs as the tenant's owner role and cannot leave its schema", () => {
  it("stops a migration from creating a role", async () => {
    expect((await refusal(a, "create role evil login superuser")).code).toBe("42501");
    expect((await refusal(a, "create role evil")).code).toBe("42501");
  });

  it("stops a migration from creating a table in public or in another tenant's schema", async () => {
    expect((await refusal(a, "create table public.escape (id int)")).code).toBe("42501");
    expect((await refusal(a, `create table ${b.credentials.schema}.escape (id int)`)).code).toBe("42501");
    expect(await relationExists("public.escape")).toBe(false);
    expect(await relationExists(`${b.credentials.schema}.escape`)).toBe(false);
  });

  it("stops a migration from reading another tenant's tables", async () => {
    const error = await refusal(a, `create table stolen as select * from ${b.credentials.schema}.private`);
    expect(error.code).toBe("42501");
    expect(await relationExists(`${a.credentials.schema}.stolen`)).toBe(false);
  });

  it("RESET ROLE inside a file changes nothing: the file is logged in as the owner, not a superuser that SET ROLE", async () => {
    await push(
      a,
      "who_am_i",
      "reset role; set role none; create table whoami as select current_user::text as cur, session_user::text as ses;",
    );
    const { rows } = await withClient(a.credentials.apiDatabaseUrl, (c) => c.query("select cur, ses from whoami"));
    expect(rows).toEqual([{ cur: a.credentials.ownerRole, ses: a.credentials.ownerRole }]);
    expect((await refusal(a, `reset role; select * from ${b.credentials.schema}.private`)).code).toBe("42501");
    expect((await refusal(a, "reset role; create role evil")).code).toBe("42501");
  });

  it("rolls back a failing migration completely: no table, no history row, and a typed error with the position", async () => {
    const before = await a.engine.listAppliedSql(a.project);
    const error = await refusal(
      a,
      "create table half_done (id int);\ninsert into half_done values (1);\nselect * from missing_table;",
    );
    expect(error).toMatchObject({ code: "42P01", line: 3, column: 15 });
    expect(error.message).toMatch(/line 3, column 15: relation "missing_table" does not exist/);
    expect(await relationExists(`${a.credentials.schema}.half_done`)).toBe(false);
    expect(await a.engine.listAppliedSql(a.project)).toEqual(before);
  });

  it("refuses a file that commits part of itself early, so a push stays all-or-nothing", async () => {
    const error = await refusal(a, "create table early (id int); commit; begin; create table late (id int);");
    expect(error).toMatchObject({ code: "25000", line: 1, column: 30 });
    expect(error.message).toMatch(/COMMIT ends or restarts the transaction/);
    expect(await relationExists(`${a.credentials.schema}.early`)).toBe(false);
    expect(await relationExists(`${a.credentials.schema}.late`)).toBe(false);
  });

  it("creates unqualified tables in the tenant schema, usable by the API role through default privileges (serial included)", async () => {
    await push(a, "todos", "create table todos (id serial primary key, title text not null);");
    expect(await relationExists(`${a.credentials.schema}.todos`)).toBe(true);
    await withClient(a.credentials.apiDatabaseUrl, async (c) => {
      await c.query("insert into todos (title) values ($1), ($2)", ["one", "two"]);
      const { rows } = await c.query("select id, title from todos order by id");
      expect(rows).toEqual([
        { id: 1, title: "one" },
        { id: 2, title: "two" },
      ]);
    });
  });

  it("gives two concurrent pushes distinct consecutive versions, each with the sha256 of its SQL", async () => {
    const t = await provisionTestTenant();
    try {
      const [first, second] = await Promise.all([
        push(t, "one", "create table c1 (id int); select pg_sleep(0.2);"),
        push(t, "two", "create table c2 (id int);"),
      ]);
      expect([first.version, second.version].sort()).toEqual(["0001", "0002"]);
      const history = await t.engine.listAppliedSql(t.project);
      expect(history.map((h) => h.version)).toEqual(["0001", "0002"]);
      const sha256 = createHash("sha256").update("create table c2 (id int);").digest("hex");
      expect(history.find((h) => h.name === "two")?.checksum).toBe(sha256);
    } finally {
      await t.cleanup();
    }
  });

  it("shows each tenant only its own SQL history", async () => {
    const names = (await b.engine.listAppliedSql(b.project)).map((h) => h.name);
    expect(names).toEqual(["b_data"]);
    await withClient(a.credentials.ownerDatabaseUrl, async (c) => {
      const { rows } = await c.query("select distinct owner_role from flux_meta.schema_migrations");
      expect(rows).toEqual([{ owner_role: a.credentials.ownerRole }]);
      await expect(
        c.query(
          "insert into flux_meta.schema_migrations (owner_role, version, name, checksum, sql) values ($1, '9999', 'x', 'x', 'x')",
          [b.credentials.ownerRole],
        ),
      ).rejects.toThrow(/row-level security/);
    });
  });

  it("notifies the data API (channel pgrst) with the tenant schema when a push commits", async () => {
    const listener = new pg.Client({ connectionString: adminUrl() });
    await listener.connect();
    try {
      const received = new Promise<string | undefined>((resolve) =>
        listener.on("notification", (n) => resolve(n.payload)),
      );
      await listener.query("listen pgrst");
      await push(a, "notify", "create table notified (id int);");
      expect(await received).toBe(a.credentials.schema);
    } finally {
      await listener.end();
    }
  });
});
