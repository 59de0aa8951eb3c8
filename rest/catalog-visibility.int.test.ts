import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { quoteIdent, quoteLiteral } from "@/lib/engines/sql";
import { provisionTestTenant, withClient, type TestTenant } from "@/tests/fixtures/tenant";
import { bridgeTokenFor, call, startRest, type RunningRest } from "./testing/harness";

// What tenant A can learn about tenant B through PostgreSQL's shared catalogs (docs/security.md): names and
// sizes yes (the documented residual), data, query text, sequence positions, roles and functions no.
let api: RunningRest;
let a: TestTenant;
let b: TestTenant;

const MARKER = "b-secret-marker";

function probes(other: { schema: string; role: string }): string {
  const schema = quoteLiteral(other.schema);
  const fn = (name: string, returns: string, body: string, args = "") =>
    `create function ${name}(${args}) returns ${returns} language plpgsql as $fn$ begin ${body} end $fn$;`;
  return `
    ${fn(
      "names_of_b",
      "json",
      `return json_build_object(
      'schema', (select nspname from pg_namespace where nspname = ${schema}),
      'tables', (select json_agg(relname order by relname) from pg_class c join pg_namespace n on n.oid = c.relnamespace
                 where nspname = ${schema} and relkind = 'r'),
      'role', (select rolname from pg_roles where rolname = ${quoteLiteral(other.role)}),
      'function_source', (select prosrc from pg_proc p join pg_namespace n on n.oid = p.pronamespace
                          where nspname = ${schema} and proname = 'secret_fn'));`,
    )}
    ${fn("stats_of_b", "bigint", `return (select count(*) from pg_stats where schemaname = ${schema});`)}
    ${fn(
      "sequences_of_b",
      "json",
      `return (select json_agg(json_build_object('name', sequencename, 'last', last_value))
      from pg_sequences where schemaname = ${schema});`,
    )}
    ${fn(
      "activity_showing_marker",
      "bigint",
      `return (select count(*) from pg_stat_activity
      where pid <> pg_backend_pid() and query like '%' || '${MARKER}' || '%');`,
    )}
    ${fn("activity_pid_of_b", "int", `return (select pid from pg_stat_activity where usename = ${quoteLiteral(other.role)} limit 1);`)}
    ${fn("cancel_backend", "boolean", "return pg_cancel_backend(target);", "target int")}
    ${fn("alter_role_of_b", "void", `execute format('alter role %I set statement_timeout = 1', ${quoteLiteral(other.role)});`)}
    ${fn("call_function_of_b", "int", `return ${quoteIdent(other.schema)}.secret_fn();`)}
    ${fn("grant_self_role_of_b", "void", `execute format('grant %I to current_user', ${quoteLiteral(other.role)});`)}
  `;
}

beforeAll(async () => {
  api = await startRest();
  [a, b] = await Promise.all([provisionTestTenant(), provisionTestTenant()]);
  await b.engine.importSql(b.project, {
    name: "secrets",
    sql: `create table notes (id serial primary key, title text not null);
          insert into notes (title) select 'b-row-' || i from generate_series(1, 50) i;
          create function secret_fn() returns int language sql as $$ select 42 $$;`,
    actorUserId: null,
  });
  await withClient(api.config.tenantDatabaseUrl, (admin) =>
    admin.query(`analyze ${quoteIdent(b.credentials.schema)}.notes`),
  );
  await a.engine.importSql(a.project, {
    name: "probes",
    sql: probes({ schema: b.credentials.schema, role: b.credentials.role }),
    actorUserId: null,
  });
});

afterAll(async () => {
  await api?.close();
  await Promise.all([a?.cleanup(), b?.cleanup()]);
});

async function asA(fn: string, args: Record<string, unknown> = {}) {
  const res = await call(api.baseUrl, `/rpc/${fn}`, {
    token: await bridgeTokenFor(api.config, a),
    method: "POST",
    body: JSON.stringify(args),
  });
  return { status: res.status, body: res.text ? (JSON.parse(res.text) as unknown) : null };
}

describe("catalog visibility across tenants", () => {
  it("residual (docs/security.md): A can read B's schema, table, role names and function source in pg_catalog", async () => {
    const answer = await asA("names_of_b");
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({
      schema: b.credentials.schema,
      tables: ["notes"],
      role: b.credentials.role,
      function_source: " select 42 ",
    });
  });

  it("pg_stats shows A none of B's column values (statistics are filtered by SELECT privilege)", async () => {
    expect(await asA("stats_of_b")).toEqual({ status: 200, body: 0 });
  });

  it("pg_sequences lists B's sequence but hides its position from A", async () => {
    const answer = await asA("sequences_of_b");
    expect(answer.body).toEqual([{ name: "notes_id_seq", last: null }]);
  });

  it("pg_stat_activity hides the text of B's running query from A", async () => {
    const running = withClient(b.credentials.apiDatabaseUrl, (client) =>
      client.query(`select pg_sleep(1.5) /* ${MARKER} */`),
    );
    await new Promise((resolve) => setTimeout(resolve, 300));
    try {
      expect(await asA("activity_showing_marker")).toEqual({ status: 200, body: 0 });
      const pid = await asA("activity_pid_of_b");
      expect(typeof pid.body).toBe("number");
      // Seeing B's backend id does not let A act on it.
      const cancel = await asA("cancel_backend", { target: pid.body });
      expect(cancel.status).toBe(403);
      expect(cancel.body).toMatchObject({ code: "42501" });
    } finally {
      await running;
    }
  });

  it("refuses A changing B's role defaults (ALTER ROLE … SET) with 403 42501", async () => {
    const answer = await asA("alter_role_of_b");
    expect(answer.status).toBe(403);
    expect(answer.body).toMatchObject({ code: "42501" });
  });

  it("refuses A granting itself B's role with 403 42501", async () => {
    const answer = await asA("grant_self_role_of_b");
    expect(answer.status).toBe(403);
    expect(answer.body).toMatchObject({ code: "42501" });
  });

  it("refuses A executing B's function even though its source is visible (403 42501)", async () => {
    const answer = await asA("call_function_of_b");
    expect(answer.status).toBe(403);
    expect(answer.body).toMatchObject({ code: "42501" });
  });
});
