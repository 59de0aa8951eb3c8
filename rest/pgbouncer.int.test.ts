import { existsSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "@/lib/config";
import { quoteIdent } from "@/lib/engines/sql";
import { derivedRolePassword } from "@/lib/secrets";
import { PGBOUNCER_BINARY, startPgBouncer, type RunningPgBouncer } from "@/rest/testing/pgbouncer";
import { bridgeTokenFor, call, startRest, type RunningRest } from "@/rest/testing/harness";
import { provisionTestTenant, type TestTenant } from "@/tests/fixtures/tenant";

// CI sets FLUX_REQUIRE_PGBOUNCER=1 so a missing binary fails there instead of skipping silently.
const available = existsSync(PGBOUNCER_BINARY) || process.env.FLUX_REQUIRE_PGBOUNCER === "1";

const fixture = (role: string) => `
  create view whoami as
    select current_user::text as role,
           coalesce(current_setting('request.jwt.claims', true)::json ->> 'sub', '') as sub,
           current_setting('search_path') as search_path,
           pg_backend_pid() as pid;
  create table notes (id bigserial primary key, body text not null,
    author text default current_setting('request.jwt.claims', true)::json ->> 'sub');
  -- An attacker-written function that tries to leave SESSION-level settings behind on a pooled backend.
  create function poison() returns int language sql volatile as $$
    select 1 from (select set_config('request.jwt.claims', '{"sub":"attacker"}', false),
                          set_config('search_path', 'public', false)) _ $$;
  create view poisoned as select poison() as ok;
  -- Lifts statement_timeout for /rpc/sleepy's statement, as any pre-request function may.
  create function sleepy() returns int language sql as $$ select pg_sleep(20); select 1 $$;
  create function flux_pre_request() returns void language plpgsql as $$ begin
    if current_setting('request.path', true) = '/rpc/sleepy' then perform set_config('statement_timeout', '0', true); end if;
  end $$;
  grant select on whoami, poisoned to ${quoteIdent(role)};
  grant select, insert on notes to ${quoteIdent(role)};
  grant usage on sequence notes_id_seq to ${quoteIdent(role)};`;

let tenantA: TestTenant;
let tenantB: TestTenant;
let bouncer: RunningPgBouncer;
let api: RunningRest;

beforeAll(async () => {
  if (!available) return;
  const config = loadConfig(process.env);
  [tenantA, tenantB] = await Promise.all([provisionTestTenant("pro"), provisionTestTenant("pro")]);
  for (const tenant of [tenantA, tenantB]) {
    await tenant.engine.importSql(tenant.project, {
      name: "pgbouncer",
      sql: fixture(tenant.credentials.role),
      actorUserId: null,
    });
  }
  bouncer = await startPgBouncer({
    upstreamUrl: config.tenantDatabaseUrl,
    logins: [tenantA, tenantB].map((tenant) => ({
      user: tenant.credentials.role,
      password: derivedRolePassword(config.FLUX_DATA_PLANE_KEY, tenant.credentials.role),
    })),
    serverPoolSize: 1,
  });
  api = await startRest({ FLUX_REST_POOL_URL: bouncer.url });
}, 60_000);

afterAll(async () => {
  await api?.close();
  await bouncer?.close();
  await Promise.all([tenantA?.cleanup(), tenantB?.cleanup()]);
});

type Who = { role: string; sub: string; search_path: string; pid: number };

describe.skipIf(!available)("rest behind PgBouncer in transaction mode", () => {
  const identities = () => [
    { tenant: tenantA, sub: "a-user-1" },
    { tenant: tenantA, sub: "a-user-2" },
    { tenant: tenantB, sub: "b-user-1" },
  ];

  it("never shows one tenant's role, or one user's claims or search_path, to another under interleaved load", async () => {
    const tokens = await Promise.all(
      identities().map(async (who) => ({
        ...who,
        token: await bridgeTokenFor(api.config, who.tenant, { claims: { sub: who.sub, role: "authenticated" } }),
      })),
    );
    const requests = Array.from({ length: 40 }, (_, round) => tokens.map((who) => ({ who, round }))).flat();
    const answers = await Promise.all(
      requests.map(async ({ who, round }) => {
        const res = await call(api.baseUrl, "/whoami", { token: who.token });
        expect(res.status, bouncer.log()).toBe(200);
        const [row] = res.json() as Who[];
        return { who, row, round };
      }),
    );
    for (const { who, row } of answers) {
      expect(row).toMatchObject({
        role: who.tenant.credentials.role,
        sub: who.sub,
        search_path: quoteIdent(who.tenant.credentials.schema),
      });
    }
    // One server connection per tenant role: both users of tenant A really shared a backend, transaction by transaction.
    const backendsOfA = new Set(answers.filter(({ who }) => who.tenant === tenantA).map(({ row }) => row?.pid));
    expect(backendsOfA.size).toBe(1);
    const backendsOfB = new Set(answers.filter(({ who }) => who.tenant === tenantB).map(({ row }) => row?.pid));
    expect([...backendsOfB].some((pid) => backendsOfA.has(pid))).toBe(false);
  });

  it("stamps each inserted row with its own user's claims (column default) under concurrent writes", async () => {
    const writers = await Promise.all(
      identities().map(async (who) => ({
        ...who,
        token: await bridgeTokenFor(api.config, who.tenant, { claims: { sub: who.sub, role: "authenticated" } }),
      })),
    );
    const inserts = Array.from({ length: 20 }, (_, round) => writers.map((who) => ({ who, round }))).flat();
    const results = await Promise.all(
      inserts.map(async ({ who, round }) => {
        const res = await call(api.baseUrl, "/notes", {
          token: who.token,
          method: "POST",
          body: JSON.stringify({ body: `${who.sub}-${round}` }),
          headers: { prefer: "return=representation" },
        });
        expect(res.status, bouncer.log()).toBe(201);
        return { who, rows: res.json() as Array<{ body: string; author: string }> };
      }),
    );
    for (const { who, rows } of results) expect(rows[0]?.author).toBe(who.sub);
  });

  it("does not let a function's session-level set_config leak claims or search_path to the next user of the backend", async () => {
    const attacker = await bridgeTokenFor(api.config, tenantA, { claims: { sub: "a-user-1", role: "authenticated" } });
    const victim = await bridgeTokenFor(api.config, tenantA, { claims: { sub: "a-user-2", role: "authenticated" } });
    expect((await call(api.baseUrl, "/poisoned", { token: attacker })).status).toBe(200);
    for (let i = 0; i < 5; i += 1) {
      const res = await call(api.baseUrl, "/whoami", { token: victim });
      const [row] = res.json() as Who[];
      expect(row).toMatchObject({ sub: "a-user-2", search_path: quoteIdent(tenantA.credentials.schema) });
    }
  });

  it("cancels a request past its deadline through the pooler, and the one server connection serves the next request", async () => {
    // A free-plan token (5 s) for this pro tenant keeps the test short; the deadline follows the token's plan.
    const token = await bridgeTokenFor(api.config, tenantB, { plan: "free" });
    const started = performance.now();
    const res = await call(api.baseUrl, "/rpc/sleepy", { token, method: "POST", body: "{}" });
    expect(res.status, bouncer.log()).toBe(500);
    expect(res.json()).toMatchObject({ code: "57014", message: "canceling statement due to statement timeout" });
    expect(performance.now() - started).toBeLessThan(5_000 + 3_000);
    const next = await call(api.baseUrl, "/whoami", { token });
    expect(next.status, bouncer.log()).toBe(200);
    expect((next.json() as Who[])[0]).toMatchObject({ role: tenantB.credentials.role });
  }, 20_000);
});
