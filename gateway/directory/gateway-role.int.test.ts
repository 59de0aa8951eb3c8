import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signProjectToken } from "@/lib/jwt";
import { quoteIdent } from "@/lib/engines/sql";
import { ensureGatewayRole, gatewayDatabaseUrl, gatewayRoleName } from "@/lib/db/gateway-role";
import { withClient, sqlStateOf } from "@/tests/fixtures/tenant";
import type { UpstreamEcho } from "../testing/fake-upstream";
import { startTestGateway, type TestGateway } from "../testing/harness";
import { seedDomain, seedProject } from "../testing/seed-project";
import { send } from "../testing/send";

/**
 * Issue 4 step 7: the gateway never writes to any database. Its connection is the `<database>_gateway` role made
 * by migrations, which may SELECT the host-lookup columns of projects and domains and nothing else.
 */
const systemUrl = () => process.env.DATABASE_URL ?? "";
const gatewayUrl = () => gatewayDatabaseUrl(systemUrl(), process.env.FLUX_DATA_PLANE_KEY ?? "");

/** Every table of flux-system (drizzle's migration journal included), schema-qualified, with one of its columns. */
let tables: Array<{ name: string; column: string }>;
let gw: TestGateway;

beforeAll(async () => {
  tables = await withClient(systemUrl(), async (client) =>
    (
      await client.query<{ schema: string; table: string; column: string }>(
        `select table_schema as schema, table_name as table, min(column_name) as column
           from information_schema.columns
          where table_schema not in ('pg_catalog', 'information_schema')
          group by 1, 2 order by 1, 2`,
      )
    ).rows.map((row) => ({
      name: `${quoteIdent(row.schema)}.${quoteIdent(row.table)}`,
      column: quoteIdent(row.column),
    })),
  );
  gw = await startTestGateway();
});
afterAll(async () => {
  await gw?.close();
});

/** Runs `sql` as the gateway role inside a transaction that explicitly asks to be read-write (the role's
 * default is read-only), so the privilege check itself is what refuses it. */
const stateAsGatewayReadWrite = (sql: string) =>
  withClient(gatewayUrl(), async (client) => {
    await client.query("begin read write");
    try {
      return await sqlStateOf(client, sql);
    } finally {
      await client.query("rollback");
    }
  });

describe("the gateway's database role", () => {
  it("is what the gateway logs in as: a role of its own, not the owner of flux-system", async () => {
    const project = await seedProject(gw.seedDb.db);
    expect((await send(gw.port, { host: project.host })).status).toBe(401); // resolved, so the pool is connected
    const user = await withClient(
      gatewayUrl(),
      async (client) => (await client.query<{ u: string }>("select current_user as u")).rows[0]?.u,
    );
    expect(user).toBe(gatewayRoleName(systemUrl()));
    const seen = await withClient(systemUrl(), async (client) =>
      (
        await client.query<{ usename: string }>(
          "select usename from pg_stat_activity where application_name = 'flux-gateway' and datname = current_database()",
        )
      ).rows.map((row) => row.usename),
    );
    expect(seen.length).toBeGreaterThan(0);
    expect(new Set(seen)).toEqual(new Set([gatewayRoleName(systemUrl())]));
  });

  it("stops the gateway from inserting into any flux-system table", async () => {
    expect(tables.length).toBeGreaterThanOrEqual(10);
    for (const table of tables) {
      expect(await stateAsGatewayReadWrite(`insert into ${table.name} default values`), table.name).toBe("42501");
    }
  });

  it("stops the gateway from updating or deleting rows of any flux-system table", async () => {
    for (const { name, column } of tables) {
      expect(await stateAsGatewayReadWrite(`update ${name} set ${column} = ${column}`), `update ${name}`).toBe("42501");
      expect(await stateAsGatewayReadWrite(`delete from ${name}`), `delete ${name}`).toBe("42501");
      expect(await stateAsGatewayReadWrite(`truncate ${name}`), `truncate ${name}`).toBe("42501");
    }
  });

  it("refuses every write even before privileges are checked: its sessions are read-only by default", async () => {
    const state = await withClient(gatewayUrl(), (client) => sqlStateOf(client, "delete from projects"));
    expect(state).toBe("25006");
  });

  it("stops the gateway from reading users, tokens, sessions, audit rows, clusters and memberships", async () => {
    for (const table of [
      "users",
      "personal_access_tokens",
      "sessions",
      "accounts",
      "audit_log",
      "clusters",
      "project_members",
    ]) {
      expect(
        await withClient(gatewayUrl(), (client) => sqlStateOf(client, `select * from "${table}" limit 1`)),
        table,
      ).toBe("42501");
    }
  });

  it("stops the gateway from reading project columns it does not route with (owner, name, activity)", async () => {
    for (const column of ["owner_id", "name", "last_accessed_at", "cluster_id"]) {
      expect(
        await withClient(gatewayUrl(), (client) => sqlStateOf(client, `select ${column} from projects limit 1`)),
        column,
      ).toBe("42501");
    }
    expect(
      await withClient(gatewayUrl(), (client) => sqlStateOf(client, "select verification_token from domains limit 1")),
    ).toBe("42501");
  });

  it("stops the gateway from creating tables or taking another role", async () => {
    expect(await stateAsGatewayReadWrite("create table planted (id int)")).toBe("42501");
    expect(await withClient(gatewayUrl(), (client) => sqlStateOf(client, "set role postgres"))).toBe("42501");
  });

  it("cannot connect to the tenant database at all", async () => {
    const tenantUrl = new URL(gatewayUrl());
    tenantUrl.pathname = new URL(process.env.FLUX_TENANT_DATABASE_URL ?? "").pathname;
    const client = new pg.Client({ connectionString: tenantUrl.toString() });
    const state = await client.connect().then(
      () => "connected",
      (error: { code?: string }) => error.code,
    );
    await client.end().catch(() => undefined);
    expect(state).toBe("42501");
  });

  it("is refused by migrate if someone made it a superuser", async () => {
    const role = gatewayRoleName(systemUrl());
    const ensure = () =>
      withClient(systemUrl(), (client) =>
        ensureGatewayRole(client, { databaseUrl: systemUrl(), dataPlaneKey: process.env.FLUX_DATA_PLANE_KEY ?? "" }),
      );
    await withClient(systemUrl(), (client) => client.query(`alter role ${quoteIdent(role)} superuser`));
    try {
      await expect(ensure()).rejects.toThrow(/privileged attribute/);
    } finally {
      await withClient(systemUrl(), (client) => client.query(`alter role ${quoteIdent(role)} nosuperuser`));
    }
  });

  it("is recreated idempotently, and a second run keeps the gateway's grants exact", async () => {
    await withClient(systemUrl(), (client) =>
      ensureGatewayRole(client, { databaseUrl: systemUrl(), dataPlaneKey: process.env.FLUX_DATA_PLANE_KEY ?? "" }),
    );
    expect(
      await withClient(gatewayUrl(), (client) =>
        sqlStateOf(client, "select tenant_id, slug, hash from projects limit 1"),
      ),
    ).toBe("no error");
    expect(await withClient(gatewayUrl(), (client) => sqlStateOf(client, "select * from users limit 1"))).toBe("42501");
  });

  it("still lets the gateway serve a Service URL and a verified custom domain", async () => {
    const project = await seedProject(gw.seedDb.db);
    await seedDomain(gw.seedDb.db, project.tenantId, `role.${project.slug}.example`, true);
    const authorization = `Bearer ${(await signProjectToken({ secret: project.secret, role: "anon", expiresInSeconds: 60 })).token}`;
    for (const host of [project.host, `role.${project.slug}.example`]) {
      const answer = await send(gw.port, { host, headers: { Authorization: authorization } });
      expect(answer.status, host).toBe(200);
      expect((answer.json() as UpstreamEcho).bridge?.tenant_id).toBe(project.tenantId);
    }
  });
});
