import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TenantSqlError } from "@/lib/engines";
import { provisionTestTenant, withClient, type TestTenant } from "@/tests/fixtures/tenant";
import { MigrationFailedError, pushMigrations } from "./push-migrations";

// Attacks a pushed migration might try, through the product path (pushMigrations, as `flux push` runs it).
let a: TestTenant;
let b: TestTenant;
let next = 1;
beforeAll(async () => {
  a = await provisionTestTenant();
  b = await provisionTestTenant();
  await b.engine.importSql(b.project, {
    name: "b_data",
    sql: "create table private (v text); insert into private values ('b-only');",
    actorUserId: null,
  });
});
afterAll(async () => {
  await a?.cleanup();
  await b?.cleanup();
});

/** Pushes `sql` as the next file of tenant A; resolves to the SQLSTATE it failed with, or "applied". */
async function pushAsA(sql: string): Promise<string> {
  const fileName = `${String(next++).padStart(4, "0")}_attack.sql`;
  const files = [{ fileName, sql }];
  try {
    await pushMigrations({
      engine: a.engine,
      project: a.project,
      files,
      dryRun: false,
      force: false,
      actorUserId: null,
    });
    return "applied";
  } catch (error) {
    if (error instanceof MigrationFailedError) return error.failure.code ?? error.failure.message;
    throw error;
  }
}
const asAdmin = <T>(work: Parameters<typeof withClient<T>>[1]) =>
  withClient(process.env.FLUX_TENANT_DATABASE_URL ?? "", work);
const exists = async (name: string) =>
  (await asAdmin((c) => c.query("select to_regclass($1) is not null as found", [name]))).rows[0]?.found === true;
const functionExists = async (schema: string, name: string) =>
  (
    await asAdmin((c) =>
      c.query(
        "select count(*)::int as n from pg_proc p join pg_namespace n on n.oid = p.pronamespace where n.nspname = $1 and p.proname = $2",
        [schema, name],
      ),
    )
  ).rows[0]?.n > 0;
const DENIED = "42501";
/** No USAGE on the schema: search_path skips it, so PostgreSQL answers "no schema has been selected to create in". */
const NO_SCHEMA = "3F000";
const bPrivate = () => `${b.credentials.schema}.private`;

describe("a pushed migration runs logged in as the tenant's owner role", () => {
  it("session_user and current_user are the owner role, so RESET ROLE has nothing to fall back to", async () => {
    expect(
      await pushAsA("reset role; create table whoami as select session_user::text as ses, current_user::text as cur;"),
    ).toBe("applied");
    const { rows } = await withClient(a.credentials.ownerDatabaseUrl, (c) => c.query("select ses, cur from whoami"));
    expect(rows).toEqual([{ ses: a.credentials.ownerRole, cur: a.credentials.ownerRole }]);
  });
});

describe("attacks a migration cannot carry out", () => {
  it("cannot read another tenant's table", async () => {
    expect(await pushAsA(`create table stolen as select * from ${bPrivate()};`)).toBe(DENIED);
    expect(await exists(`${a.credentials.schema}.stolen`)).toBe(false);
  });

  it("cannot alter, write to or drop another tenant's table", async () => {
    expect(await pushAsA(`alter table ${bPrivate()} add column pwned int;`)).toBe(DENIED);
    expect(await pushAsA(`insert into ${bPrivate()} values ('from a');`)).toBe(DENIED);
    expect(await pushAsA(`drop table ${bPrivate()};`)).toBe(DENIED);
    const { rows } = await withClient(b.credentials.ownerDatabaseUrl, (c) => c.query("select * from private"));
    expect(rows).toEqual([{ v: "b-only" }]);
  });

  it("cannot create roles, or grant itself another tenant's role", async () => {
    expect(await pushAsA("create role evil login superuser;")).toBe(DENIED);
    expect(await pushAsA(`grant ${b.credentials.ownerRole} to ${a.credentials.ownerRole};`)).toBe(DENIED);
    expect((await asAdmin((c) => c.query("select 1 from pg_roles where rolname = 'evil'"))).rowCount).toBe(0);
  });

  it("cannot escape via SET ROLE / RESET ROLE / SET SESSION AUTHORIZATION", async () => {
    expect(await pushAsA("set role postgres;")).toBe(DENIED);
    expect(await pushAsA(`set role ${b.credentials.ownerRole};`)).toBe(DENIED);
    expect(await pushAsA(`reset role; select * from ${bPrivate()};`)).toBe(DENIED);
    expect(await pushAsA("set session authorization postgres;")).toBe(DENIED);
    expect(await pushAsA("select set_config('role', 'postgres', true);")).toBe(DENIED);
  });

  it("cannot escape via SET search_path: public, another tenant's schema, or flux_meta stay closed", async () => {
    expect(await pushAsA("set search_path = public; create table escaped (id int);")).toBe(NO_SCHEMA);
    expect(await pushAsA(`set search_path = ${b.credentials.schema}; create table escaped (id int);`)).toBe(NO_SCHEMA);
    expect(await pushAsA("set search_path = flux_meta; create table escaped (id int);")).toBe(DENIED);
    expect(await exists("public.escaped")).toBe(false);
    expect(await exists(`${b.credentials.schema}.escaped`)).toBe(false);
    expect(await exists("flux_meta.escaped")).toBe(false);
  });

  it("a session-wide SET search_path in one file does not move the next file's unqualified names out of the tenant schema", async () => {
    const first = String(next++).padStart(4, "0");
    const second = String(next++).padStart(4, "0");
    const files = [
      {
        fileName: `${first}_moves_path.sql`,
        sql: "create table lands_home_1 (id int); set session search_path = public;",
      },
      { fileName: `${second}_unqualified.sql`, sql: "create table lands_home_2 (id int);" },
    ];
    const outcome = await pushMigrations({
      engine: a.engine,
      project: a.project,
      files,
      dryRun: false,
      force: false,
      actorUserId: null,
    });
    expect(outcome.files.map((f) => f.status)).toEqual(["applied", "applied"]);
    expect(await exists(`${a.credentials.schema}.lands_home_1`)).toBe(true);
    expect(await exists(`${a.credentials.schema}.lands_home_2`)).toBe(true);
  });

  it("cannot escape via SECURITY DEFINER: its function runs as the tenant owner, and cannot be given to a superuser", async () => {
    const definer = `create function peek() returns setof text language plpgsql security definer as $$ begin return query select v from ${bPrivate()}; end $$;`;
    expect(await pushAsA(definer)).toBe("applied");
    expect(await pushAsA("create table peeked as select * from peek();")).toBe(DENIED);
    expect(await pushAsA("alter function peek() owner to postgres;")).toBe(DENIED);
    const { rows } = await asAdmin((c) =>
      c.query("select r.rolname from pg_proc p join pg_roles r on r.oid = p.proowner where p.proname = 'peek'"),
    );
    expect(rows).toEqual([{ rolname: a.credentials.ownerRole }]);
  });

  it("cannot create anything in public (table, view, function) or in the shared auth schema", async () => {
    expect(await pushAsA("create table public.t_escape (id int);")).toBe(DENIED);
    expect(await pushAsA("create view public.v_escape as select 1 as one;")).toBe(DENIED);
    expect(await pushAsA("create function public.f_escape() returns int language sql as $$ select 1 $$;")).toBe(DENIED);
    expect(
      await pushAsA("create or replace function auth.uid() returns text language sql as $$ select 'admin' $$;"),
    ).toBe(DENIED);
    expect(await exists("public.t_escape")).toBe(false);
    expect(await functionExists("public", "f_escape")).toBe(false);
  });

  it("cannot rewrite or delete history rows (its own or another tenant's)", async () => {
    expect(await pushAsA("delete from flux_meta.schema_migrations;")).toBe(DENIED);
    expect(await pushAsA("update flux_meta.schema_migrations set checksum = 'x';")).toBe(DENIED);
    expect((await b.engine.listAppliedSql(b.project)).map((h) => h.name)).toEqual(["b_data"]);
  });

  it("reports a refused attack as a TenantSqlError naming the file", async () => {
    const files = [{ fileName: "0999_named.sql", sql: "create role evil;" }];
    const error = await pushMigrations({
      engine: a.engine,
      project: a.project,
      files,
      dryRun: false,
      force: true,
      actorUserId: null,
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MigrationFailedError);
    expect((error as MigrationFailedError).failure).toBeInstanceOf(TenantSqlError);
    expect((error as Error).message).toMatch(/SQL file "0999_named\.sql" failed: permission denied to create role/);
  });
});
