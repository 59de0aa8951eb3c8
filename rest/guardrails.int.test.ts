import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { provisionTestTenant, type TestTenant } from "@/tests/fixtures/tenant";
import { bridgeTokenFor, call, startRest, type RunningRest } from "./testing/harness";

let api: RunningRest;
let tenant: TestTenant;
let token: string;

type Limits = { pid: number; statement_timeout: string; work_mem: string; read_only: string };

beforeAll(async () => {
  // A short margin keeps the deadline test near the free plan's 5 s statement timeout.
  api = await startRest({ FLUX_REST_DEADLINE_MARGIN_MS: 300 });
  tenant = await provisionTestTenant("free");
  await tenant.engine.importSql(tenant.project, {
    name: "guardrails",
    sql: `
      create table marks (id int primary key);
      create function limits() returns json language sql stable as $$
        select json_build_object('pid', pg_backend_pid(), 'statement_timeout', current_setting('statement_timeout'),
          'work_mem', current_setting('work_mem'), 'read_only', current_setting('transaction_read_only'))
      $$;
      create function loosen() returns int language plpgsql as $$ begin
        perform set_config('statement_timeout', '0', false);
        perform set_config('work_mem', '77MB', false);
        perform set_config('default_transaction_read_only', 'on', false);
        return pg_backend_pid();
      end $$;
      create function alter_own_role() returns void language plpgsql as $$ begin
        execute format('alter role %I set statement_timeout = 0', current_user);
      end $$;
      create function sleepy() returns int language sql as $$ select pg_sleep(20); select 1 $$;
      -- Lifts the timeout for the statement that follows it, as tenant SQL may in any pre-request function.
      create function flux_pre_request() returns void language plpgsql as $$ begin
        if current_setting('request.path', true) = '/rpc/sleepy' then
          perform set_config('statement_timeout', '0', true);
        end if;
      end $$;`,
    actorUserId: null,
  });
  token = await bridgeTokenFor(api.config, tenant);
});

afterAll(async () => {
  await api?.close();
  await tenant?.cleanup();
});

const limits = async () => (await call(api.baseUrl, "/rpc/limits", { token })).json() as Limits;

describe("statement timeout guardrail", () => {
  it("a function's session-level set_config does not outlive its request on the pooled connection", async () => {
    const loosened = await call(api.baseUrl, "/rpc/loosen", { token, method: "POST", body: "{}" });
    expect(loosened.status).toBe(200);
    const after = await limits();
    // The same backend (the pool lends its most recently released client), yet back to the role's defaults.
    expect(after.pid).toBe(loosened.json());
    expect(after).toMatchObject({ statement_timeout: "5s", work_mem: "4MB" });
    const write = await call(api.baseUrl, "/marks", { token, method: "POST", body: JSON.stringify({ id: 1 }) });
    expect(write.status).toBe(201);
  });

  it("a tenant that alters its own role's statement_timeout still runs under its plan's", async () => {
    expect((await call(api.baseUrl, "/rpc/alter_own_role", { token, method: "POST", body: "{}" })).status).toBe(204);
    expect((await limits()).statement_timeout).toBe("5s");
  });

  it("a request whose SQL lifts statement_timeout with SET LOCAL is still cancelled near the deadline", async () => {
    const started = performance.now();
    const res = await call(api.baseUrl, "/rpc/sleepy", { token, method: "POST", body: "{}" });
    const elapsed = performance.now() - started;
    expect(res.status).toBe(500);
    expect(res.json()).toEqual({
      code: "57014",
      message: "canceling statement due to statement timeout",
      details: null,
      hint: null,
    });
    expect(elapsed).toBeGreaterThan(5_000);
    expect(elapsed).toBeLessThan(8_000);
    // The backend really stopped: nothing of this role is still sleeping on the cluster.
    const admin = new pg.Client({ connectionString: api.config.tenantDatabaseUrl });
    await admin.connect();
    try {
      const { rows } = await admin.query(
        "select count(*)::int as n from pg_stat_activity where usename = $1 and state = 'active' and query like '%pg_sleep%'",
        [tenant.credentials.role],
      );
      expect(rows[0]).toEqual({ n: 0 });
    } finally {
      await admin.end();
    }
    expect((await limits()).statement_timeout).toBe("5s");
  }, 20_000);
});
