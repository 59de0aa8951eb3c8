import { createHash } from "node:crypto";
import { afterAll, describe, expect, it, vi } from "vitest";
import { pushMigrations } from "@/lib/migrations/push-migrations";
import { engineOf, engineProjectOf } from "@/lib/projects/engine";
import { nukeProject } from "@/lib/projects/nuke-project";
import { closeLibCtx, libCtx, newActor, newOwnedProject } from "@/lib/projects/owner-test-kit";
import type { ProjectRow } from "@/lib/projects/types";
import { sqlStateOf, withClient } from "@/tests/fixtures/tenant";

vi.setConfig({ testTimeout: 120_000 });
afterAll(closeLibCtx);

/** The keys main took its locks with: a hash anyone can compute from the source (and a tenant_id). */
const oldAdvisoryKey = (name: string) =>
  createHash("sha256").update(`flux-tenant-lock:${name}`).digest().readBigInt64BE(0).toString();

function push(project: ProjectRow, files: Record<string, string>) {
  const ctx = libCtx();
  return pushMigrations({
    engine: engineOf(ctx, "v2_shared"),
    project: engineProjectOf(project, ctx.config.tenantDatabaseUrl),
    files: Object.entries(files).map(([fileName, sql]) => ({ fileName, sql })),
    dryRun: false,
    force: false,
    actorUserId: null,
  });
}

/** A push that holds `holdSql`'s locks for `seconds`, and a flag that says whether it has ended yet. */
function longPush(project: ProjectRow, holdSql: string, seconds: number) {
  let ended = false;
  const running = push(project, { "0001_hold.sql": `${holdSql}; select pg_sleep(${seconds});` }).finally(() => {
    ended = true;
  });
  return { running, ended: () => ended };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe("control-plane locks live where tenant SQL cannot touch or see them", () => {
  it("a tenant's push holding pg_advisory_lock on any key does not delay another user's projects create", async () => {
    const attacker = await newOwnedProject(await newActor(), { prefix: "hold" });
    // The provisioning key main used, a thousand more, and the shared history table read (ACCESS SHARE).
    const hold = longPush(
      attacker,
      `select pg_advisory_lock(${oldAdvisoryKey("flux-shared-objects")});
       select pg_advisory_lock(k) from generate_series(1, 1000) k;
       select count(*) from flux_meta.schema_migrations`,
      15,
    );
    await sleep(2_000);

    const started = Date.now();
    const created = await newOwnedProject(await newActor(), { prefix: "victim" });
    const tookMs = Date.now() - started;
    console.info(`projects create while another tenant's push held its locks: ${tookMs} ms`);
    expect(created.status).toBe("active");
    expect(hold.ended()).toBe(false);
    expect(tookMs).toBeLessThan(10_000);
    await hold.running;
  });

  it("a tenant cannot take another tenant's push lock, nor see it in pg_locks, nor reach flux-system", async () => {
    const victim = await newOwnedProject(await newActor(), { prefix: "vict" });
    const attacker = await newOwnedProject(await newActor(), { prefix: "atk" });
    const victimPush = longPush(victim, "select 1", 6);
    await sleep(1_500);

    // What the attacker's SQL sees of the running push: no advisory lock, nothing naming the victim.
    const ctx = libCtx();
    const attackerCreds = engineOf(ctx, "v2_shared").getCredentials(
      engineProjectOf(attacker, ctx.config.tenantDatabaseUrl),
    );
    const visible = await withClient(attackerCreds.ownerDatabaseUrl, (c) =>
      c.query<{ locktype: string }>("select locktype from pg_locks where locktype in ('advisory', 'tuple', 'object')"),
    );
    expect(visible.rows).toEqual([]);
    await victimPush.running;

    // The attacker holds the victim's key as main computed it, and every key it could guess, then sleeps.
    const hold = longPush(
      attacker,
      `select pg_advisory_lock(${oldAdvisoryKey(victim.tenantId)}); select pg_advisory_lock(k) from generate_series(1, 1000) k`,
      15,
    );
    await sleep(2_000);
    const started = Date.now();
    const outcome = await push(victim, { "0002_next.sql": "create table next_one (id int);" });
    expect(outcome.files.find((f) => f.fileName === "0002_next.sql")?.status).toBe("applied");
    expect(hold.ended()).toBe(false);
    expect(Date.now() - started).toBeLessThan(10_000);

    // flux-system, where the locks are, refuses the tenant's login outright (no CONNECT for PUBLIC).
    const systemAsTenant = new URL(attackerCreds.ownerDatabaseUrl);
    systemAsTenant.pathname = new URL(ctx.config.DATABASE_URL).pathname;
    await expect(withClient(systemAsTenant.toString(), (c) => c.query("select 1"))).rejects.toMatchObject({
      code: "42501",
    });
    await hold.running;
  });

  it("nuke does not drop a schema under a running push: past its bounded wait it answers 409 naming the push", async () => {
    const actor = await newActor();
    const project = await newOwnedProject(actor, { prefix: "busy" });
    const hold = longPush(project, "create table kept (id int)", 20);
    await sleep(1_500);
    await expect(nukeProject({ ctx: libCtx(actor), slug: project.slug, skipBackupCheck: true })).rejects.toThrow(
      new RegExp(`Project '${project.slug}' is busy: a push of '${project.slug}' is still running`),
    );
    expect(hold.ended()).toBe(false);
    await hold.running;
    await expect(nukeProject({ ctx: libCtx(actor), slug: project.slug, skipBackupCheck: true })).resolves.toMatchObject(
      {
        deleted: true,
      },
    );
  });

  it("two pushes of one project still run one after the other, and a file cannot release the lock", async () => {
    const project = await newOwnedProject(await newActor(), { prefix: "ser" });
    const files = {
      "0001_unlock.sql": "select pg_advisory_unlock_all(); create table slow (id int); select pg_sleep(0.5);",
      "0002_next.sql": "create table next_one (id int);",
    };
    const [one, two] = await Promise.all([push(project, files), push(project, files)]);
    const applied = [...one.files, ...two.files].filter((f) => f.status === "applied").map((f) => f.fileName);
    expect(applied.sort()).toEqual(["0001_unlock.sql", "0002_next.sql"]);
    const ctx = libCtx();
    const creds = engineOf(ctx, "v2_shared").getCredentials(engineProjectOf(project, ctx.config.tenantDatabaseUrl));
    expect(await withClient(creds.ownerDatabaseUrl, (c) => sqlStateOf(c, "select 1"))).toBe("no error");
  });
});
