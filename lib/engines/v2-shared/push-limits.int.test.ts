import pg from "pg";
import { afterAll, describe, expect, it, vi } from "vitest";
import { engineFor } from "@/lib/engines/registry";
import type { EngineProject } from "@/lib/engines/types";
import { MigrationFailedError, pushMigrations } from "@/lib/migrations/push-migrations";
import { newTenantId } from "@/lib/tenancy";
import { withClient } from "@/tests/fixtures/tenant";
import { derivedRolePassword } from "@/lib/secrets";
import { pushLimitsFor, type PushLimits } from "./guardrails";
import { scramVerifierMatches } from "./scram-verifier";

vi.setConfig({ testTimeout: 60_000 });

const env = (name: string) => {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: run under the integration project`);
  return value;
};

/** The real engine with short push limits, so a test can run into each one in seconds. */
function engineWith(limits: Partial<PushLimits>) {
  return engineFor("v2_shared", {
    tenantAdminUrl: env("FLUX_TENANT_DATABASE_URL"),
    dataPlaneKey: env("FLUX_DATA_PLANE_KEY"),
    systemDatabaseUrl: env("DATABASE_URL"),
    pushLimits: (plan) => ({ ...pushLimitsFor(plan), ...limits }),
  });
}

const cleanups: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const cleanup of cleanups) await cleanup().catch(() => undefined);
});

async function tenantOn(engine: ReturnType<typeof engineWith>) {
  const project: EngineProject = {
    tenantId: newTenantId(),
    mode: "v2_shared",
    plan: "free",
    clusterDatabaseUrl: env("FLUX_TENANT_DATABASE_URL"),
  };
  await engine.provisionProject(project);
  cleanups.push(() => engine.deleteProject(project));
  return { project, credentials: engine.getCredentials(project) };
}

const push = (engine: ReturnType<typeof engineWith>, project: EngineProject, files: Record<string, string>) =>
  pushMigrations({
    engine,
    project,
    files: Object.entries(files).map(([fileName, sql]) => ({ fileName, sql })),
    dryRun: false,
    force: false,
    actorUserId: null,
  });

/** Whether the role's stored SCRAM verifier accepts the password Flux derives for it (read as superuser). */
async function derivedPasswordAccepted(role: string): Promise<boolean> {
  const { rows } = await withClient(env("FLUX_TENANT_DATABASE_URL"), (c) =>
    c.query<{ rolpassword: string | null }>("select rolpassword from pg_authid where rolname = $1", [role]),
  );
  return scramVerifierMatches(rows[0]?.rolpassword ?? "", derivedRolePassword(env("FLUX_DATA_PLANE_KEY"), role));
}

/** The embedded default (and CI) use scram-sha-256; a developer's server may trust loopback logins. */
async function serverChecksPasswords(): Promise<boolean> {
  const url = new URL(env("FLUX_TENANT_DATABASE_URL"));
  url.password = "certainly-wrong";
  return withClient(url.toString(), () => Promise.resolve(false)).catch(() => true);
}

const failureOf = (promise: Promise<unknown>) =>
  promise.then(
    () => null,
    (error: unknown) => error as Error,
  );

describe("pushes have limits", () => {
  it("gives the owner role the plan's push timeouts and CONNECTION LIMIT as its defaults", async () => {
    const engine = engineWith({});
    const { credentials } = await tenantOn(engine);
    const role = await withClient(env("FLUX_TENANT_DATABASE_URL"), (c) =>
      c.query<{ rolconnlimit: number; rolconfig: string[] }>(
        "select rolconnlimit, rolconfig from pg_roles where rolname = $1",
        [credentials.ownerRole],
      ),
    );
    expect(role.rows[0]?.rolconnlimit).toBe(3);
    expect(role.rows[0]?.rolconfig).toEqual(
      expect.arrayContaining(["statement_timeout=30s", "lock_timeout=5s", "idle_in_transaction_session_timeout=30s"]),
    );
  });

  it("stops a push statement at the plan's statement_timeout, with an error naming the limit and what to do", async () => {
    const engine = engineWith({ statementTimeout: "1s" });
    const { project } = await tenantOn(engine);
    const error = await failureOf(push(engine, project, { "0001_slow.sql": "select pg_sleep(5);" }));
    expect(error).toBeInstanceOf(MigrationFailedError);
    expect(error?.message).toMatch(/0001_slow\.sql" failed.*57014.*at most 1s on the free plan \(statement_timeout\)/s);
  });

  it("stops a push waiting on a lock at the plan's lock_timeout, naming the limit", async () => {
    const engine = engineWith({ lockTimeout: "1s" });
    const { project, credentials } = await tenantOn(engine);
    await push(engine, project, { "0001_t.sql": "create table t (id int);" });
    const holder = new pg.Client({ connectionString: credentials.ownerDatabaseUrl });
    await holder.connect();
    try {
      await holder.query(`begin; lock table ${credentials.schema}.t in access exclusive mode`);
      const error = await failureOf(push(engine, project, { "0002_alter.sql": "alter table t add column x int;" }));
      expect(error?.message).toMatch(/55P03.*waits at most 1s for a lock on the free plan \(lock_timeout\)/s);
    } finally {
      await holder.end();
    }
  });

  it("a push cannot lift its deadline: SET statement_timeout = 0 and catching the cancel are ended from outside", async () => {
    const engine = engineWith({ deadlineSeconds: 2 });
    const { project, credentials } = await tenantOn(engine);
    const started = Date.now();
    const error = await failureOf(
      push(engine, project, {
        "0001_ok.sql": "create table kept (id int);",
        "0002_forever.sql": `set statement_timeout = 0;
          do $$ begin loop begin perform pg_sleep(0.2); exception when query_canceled then null; end; end loop; end $$;`,
      }),
    );
    console.info(`push stopped ${Date.now() - started} ms after it started (deadline 2 s)`);
    expect(Date.now() - started).toBeLessThan(15_000);
    expect(error).toBeInstanceOf(MigrationFailedError);
    expect(error?.message).toMatch(
      /0002_forever\.sql".*push deadline \(2 s in all\).*Applied before it in this push \(and kept\): 0001_ok\.sql/s,
    );
    // The lock was released and the owner can log in again: the next push runs.
    const next = await push(engine, project, {
      "0001_ok.sql": "create table kept (id int);",
      "0003_x.sql": "select 1;",
    });
    expect(next.files.map((f) => f.status)).toEqual(["unchanged", "applied"]);
    expect((await engine.listAppliedSql(project)).map((h) => h.version)).toEqual(["0001", "0003"]);
    expect(credentials.ownerRole).toMatch(/_owner$/);
  });

  it("a tenant holding its owner CONNECTION LIMIT gets a push error naming the limit, not a hang", async () => {
    const engine = engineWith({});
    const { project, credentials } = await tenantOn(engine);
    const held: pg.Client[] = [];
    try {
      for (let i = 0; i < 3; i += 1) {
        const client = new pg.Client({ connectionString: credentials.ownerDatabaseUrl });
        await client.connect();
        held.push(client);
      }
      await expect(push(engine, project, { "0001_a.sql": "select 1;" })).rejects.toThrow(
        /already has 3 connections open as its owner role t_\w+_owner, the free plan's limit \(owner CONNECTION LIMIT\)/,
      );
    } finally {
      for (const client of held) await client.end();
    }
    await expect(push(engine, project, { "0001_a.sql": "select 1;" })).resolves.toBeTruthy();
  });
});

describe("tenants cannot change their roles' passwords or defaults for good", () => {
  it("a push that changes its owner role's password and defaults does not lock the next push out or lift its limits", async () => {
    const engine = engineWith({});
    const { project, credentials } = await tenantOn(engine);
    await push(engine, project, {
      "0001_takeover.sql": `alter role current_user password 'tenant-chosen';
        alter role current_user set statement_timeout = 0;`,
    });
    // Repaired as soon as the push ended: Flux's derived password logs in, the plan's default is back.
    const settings = await withClient(credentials.ownerDatabaseUrl, (c) =>
      c.query<{ rolconfig: string[] }>("select rolconfig from pg_roles where rolname = current_user"),
    );
    expect(settings.rows[0]?.rolconfig).toContain("statement_timeout=30s");
    await expect(push(engine, project, { "0002_next.sql": "create table next_one (id int);" })).resolves.toBeTruthy();
  });

  it("the API role changing its own password is detected and reset (what rest calls on 28P01)", async () => {
    const engine = engineWith({});
    const { project, credentials } = await tenantOn(engine);
    await withClient(credentials.apiDatabaseUrl, (c) =>
      c.query("alter role current_user password 'locks-rest-out'; alter role current_user set statement_timeout = 0"),
    );
    expect(await derivedPasswordAccepted(credentials.role)).toBe(false);
    if (await serverChecksPasswords()) {
      await expect(withClient(credentials.apiDatabaseUrl, (c) => c.query("select 1"))).rejects.toMatchObject({
        code: "28P01",
      });
    }
    expect(await engine.repairRoles(project)).toEqual([
      `password of ${credentials.role}`,
      `settings of ${credentials.role}`,
    ]);
    expect(await derivedPasswordAccepted(credentials.role)).toBe(true);
    await expect(withClient(credentials.apiDatabaseUrl, (c) => c.query("select 1"))).resolves.toBeTruthy();
    expect(await engine.repairRoles(project)).toEqual([]);
  });

  it("a push gets in even after the owner's password was changed outside a push (refused login → reset → retry)", async () => {
    const engine = engineWith({});
    const { project, credentials } = await tenantOn(engine);
    await withClient(credentials.ownerDatabaseUrl, (c) => c.query("alter role current_user password 'elsewhere'"));
    expect(await derivedPasswordAccepted(credentials.ownerRole)).toBe(false);
    await expect(push(engine, project, { "0001_a.sql": "create table a (id int);" })).resolves.toBeTruthy();
    expect(await derivedPasswordAccepted(credentials.ownerRole)).toBe(true);
  });
});
