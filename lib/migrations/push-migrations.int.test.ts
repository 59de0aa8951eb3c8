import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { provisionTestTenant, withClient, type TestTenant } from "@/tests/fixtures/tenant";
import { sha256Hex } from "./check-migration-files";
import { MigrationConflictError } from "./migration-input-error";
import { MigrationFailedError, pushMigrations, type PushOutcome } from "./push-migrations";

const tenants: TestTenant[] = [];
afterAll(async () => {
  for (const t of tenants) await t.cleanup();
});
async function tenant(): Promise<TestTenant> {
  const t = await provisionTestTenant();
  tenants.push(t);
  return t;
}

type Files = Record<string, string>;
const push = (t: TestTenant, files: Files, options: { dryRun?: boolean; force?: boolean } = {}) =>
  pushMigrations({
    engine: t.engine,
    project: t.project,
    files: Object.entries(files).map(([fileName, sql]) => ({ fileName, sql })),
    dryRun: options.dryRun ?? false,
    force: options.force ?? false,
    actorUserId: null,
  });
const statuses = (outcome: PushOutcome) => outcome.files.map((f) => [f.fileName, f.status]);
const tablesOf = (t: TestTenant) =>
  withClient(t.credentials.ownerDatabaseUrl, async (c) =>
    (
      await c.query<{ t: string }>("select tablename as t from pg_tables where schemaname = $1 order by 1", [
        t.credentials.schema,
      ])
    ).rows.map((r) => r.t),
  );
const historyOf = async (t: TestTenant) =>
  (await t.engine.listAppliedSql(t.project)).map((h) => [h.version, h.name, h.checksum]);

describe("pushMigrations against a real tenant", () => {
  let t: TestTenant;
  beforeAll(async () => {
    t = await tenant();
  });

  it("applies pending files in version order, each with its history row (version, name, checksum, SQL)", async () => {
    const first = await push(t, {
      "0002_seed.sql": "insert into todos (title) values ('a');",
      "0001_todos.sql": "create table todos (id serial primary key, title text);",
    });
    expect(statuses(first)).toEqual([
      ["0001_todos.sql", "applied"],
      ["0002_seed.sql", "applied"],
    ]);
    const history = await t.engine.listAppliedSql(t.project);
    expect(history.map((h) => [h.version, h.name, h.checksum, h.sql])).toEqual([
      [
        "0001",
        "todos",
        sha256Hex("create table todos (id serial primary key, title text);"),
        "create table todos (id serial primary key, title text);",
      ],
      ["0002", "seed", sha256Hex("insert into todos (title) values ('a');"), "insert into todos (title) values ('a');"],
    ]);
    const again = await push(t, {
      "0001_todos.sql": "create table todos (id serial primary key, title text);",
      "0002_seed.sql": "insert into todos (title) values ('a');",
    });
    expect(statuses(again)).toEqual([
      ["0001_todos.sql", "unchanged"],
      ["0002_seed.sql", "unchanged"],
    ]);
  });

  it("keeps the files before a failing one, rolls the failing one back completely and runs nothing after it", async () => {
    const f = await tenant();
    const error = await push(f, {
      "0001_ok.sql": "create table ok (id int);",
      "0002_bad.sql": "create table half (id int);\nselect * from missing_table;",
      "0003_after.sql": "create table after_bad (id int);",
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MigrationFailedError);
    expect((error as Error).message).toMatch(
      /SQL file "0002_bad\.sql" failed at line 2, column 15: relation "missing_table" does not exist/,
    );
    expect((error as Error).message).toMatch(/Applied before it in this push \(and kept\): 0001_ok\.sql\./);
    expect(await tablesOf(f)).toEqual(["ok"]);
    expect((await historyOf(f)).map((h) => h[0])).toEqual(["0001"]);
  });

  it("refuses a changed file and runs nothing else in that push", async () => {
    const c = await tenant();
    await push(c, { "0001_a.sql": "create table a (id int);" });
    const error = await push(c, {
      "0001_a.sql": "create table a (id bigint);",
      "0002_b.sql": "create table b (id int);",
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MigrationConflictError);
    expect((error as Error).message).toMatch(/0001_a\.sql has changed since it was applied/);
    expect(await tablesOf(c)).toEqual(["a"]);
  });

  it("--force re-records a changed file's checksum and SQL without running it again", async () => {
    const c = await tenant();
    await push(c, { "0001_a.sql": "create table a (id int);" });
    const changed = "create table a (id int);\ncreate table b (id int);";
    const outcome = await push(c, { "0001_a.sql": changed }, { force: true });
    expect(outcome.files[0]).toMatchObject({
      status: "checksum_accepted",
      checksum: sha256Hex(changed),
      previousChecksum: sha256Hex("create table a (id int);"),
    });
    expect(await tablesOf(c)).toEqual(["a"]);
    const [row] = await c.engine.listAppliedSql(c.project);
    expect([row?.checksum, row?.sql]).toEqual([sha256Hex(changed), changed]);
    expect(statuses(await push(c, { "0001_a.sql": changed }))).toEqual([["0001_a.sql", "unchanged"]]);
  });

  it("refuses an out-of-order file; --force applies it", async () => {
    const o = await tenant();
    await push(o, { "0001_a.sql": "create table a (id int);", "0003_c.sql": "create table c (id int);" });
    const files = {
      "0001_a.sql": "create table a (id int);",
      "0002_b.sql": "create table b (id int);",
      "0003_c.sql": "create table c (id int);",
    };
    await expect(push(o, files)).rejects.toThrow(/0002_b\.sql is not applied, but a later version \(0003\) already is/);
    expect(await tablesOf(o)).toEqual(["a", "c"]);
    const forced = await push(o, files, { force: true });
    expect(forced.files.find((f) => f.fileName === "0002_b.sql")).toMatchObject({
      status: "applied",
      outOfOrder: true,
    });
    expect(await tablesOf(o)).toEqual(["a", "b", "c"]);
  });

  it("--dry-run reports what would run, runs the SQL in a rolled-back transaction and changes nothing", async () => {
    const d = await tenant();
    await push(d, { "0001_a.sql": "create table a (id int);" });
    const files = {
      "0001_a.sql": "create table a (id int);",
      "0002_b.sql": "create table b (id int);",
      "0003_c.sql": "insert into b values (1);",
    };
    const dry = await push(d, files, { dryRun: true });
    expect(dry.dryRun).toBe(true);
    expect(statuses(dry)).toEqual([
      ["0001_a.sql", "unchanged"],
      ["0002_b.sql", "would_apply"],
      ["0003_c.sql", "would_apply"],
    ]);
    expect(await tablesOf(d)).toEqual(["a"]);
    expect((await historyOf(d)).map((h) => h[0])).toEqual(["0001"]);

    const broken = await push(d, { ...files, "0003_c.sql": "insert into nowhere values (1);" }, { dryRun: true }).catch(
      (e: unknown) => e,
    );
    expect(broken).toBeInstanceOf(MigrationFailedError);
    expect((broken as Error).message).toMatch(
      /0003_c\.sql" failed.*relation "nowhere" does not exist.*This was a dry run: nothing was applied\./s,
    );
    await expect(push(d, { "0001_a.sql": "create table a (id text);" }, { dryRun: true })).rejects.toThrow(
      MigrationConflictError,
    );
    expect(await tablesOf(d)).toEqual(["a"]);
  });

  it("serialises two concurrent pushes of one project: each file runs once, the second push finds it applied", async () => {
    const s = await tenant();
    const files = {
      "0001_slow.sql": "create table slow (id int); select pg_sleep(0.3);",
      "0002_next.sql": "create table next_one (id int);",
    };
    const [one, two] = await Promise.all([push(s, files), push(s, files)]);
    const all = [...statuses(one), ...statuses(two)];
    expect(
      all
        .filter(([, status]) => status === "applied")
        .map(([file]) => file)
        .sort(),
    ).toEqual(["0001_slow.sql", "0002_next.sql"]);
    expect(all.filter(([, status]) => status === "unchanged")).toHaveLength(2);
    expect((await historyOf(s)).map((h) => h[0])).toEqual(["0001", "0002"]);
  });

  it("keeps holding the push lock after a file releases it with pg_advisory_unlock_all()", async () => {
    const u = await tenant();
    const files = {
      "0001_unlock.sql": "select pg_advisory_unlock_all();",
      "0002_after.sql": "create table after_unlock (id int);",
    };
    expect(statuses(await push(u, files))).toEqual([
      ["0001_unlock.sql", "applied"],
      ["0002_after.sql", "applied"],
    ]);
    expect(await tablesOf(u)).toEqual(["after_unlock"]);
  });
});
