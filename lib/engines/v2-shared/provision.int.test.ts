import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { derivedRolePassword } from "@/lib/secrets";
import { provisionTestTenant, withClient, type TestTenant } from "@/tests/fixtures/tenant";
import { scramVerifierMatches } from "./scram-verifier";

const adminUrl = () => process.env.FLUX_TENANT_DATABASE_URL ?? "";
const created: TestTenant[] = [];
async function tenant(plan?: Parameters<typeof provisionTestTenant>[0]) {
  const t = await provisionTestTenant(plan);
  created.push(t);
  return t;
}
afterAll(async () => {
  for (const t of created) await t.cleanup();
});

type RoleRow = {
  rolname: string;
  rolcanlogin: boolean;
  rolsuper: boolean;
  rolinherit: boolean;
  rolcreaterole: boolean;
  rolcreatedb: boolean;
  rolbypassrls: boolean;
  rolconnlimit: number;
  rolconfig: string[] | null;
  rolpassword: string | null;
};

function tenantState(t: TestTenant) {
  return withClient(adminUrl(), async (c) => {
    const roles = await c.query<RoleRow>(
      `select r.rolname, r.rolcanlogin, r.rolsuper, r.rolinherit, r.rolcreaterole, r.rolcreatedb, r.rolbypassrls,
              r.rolconnlimit, r.rolconfig, a.rolpassword
         from pg_roles r join pg_authid a on a.oid = r.oid where r.rolname = any($1) order by r.rolname`,
      [[t.credentials.role, t.credentials.ownerRole]],
    );
    const schema = await c.query<{ owner: string }>(
      "select nspowner::regrole::text as owner from pg_namespace where nspname = $1",
      [t.credentials.schema],
    );
    const memberships = await c.query<{ n: number }>(
      `select count(*)::int as n from pg_auth_members am join pg_roles r on r.oid in (am.roleid, am.member)
        where r.rolname = any($1)`,
      [[t.credentials.role, t.credentials.ownerRole]],
    );
    return { roles: roles.rows, schemaOwner: schema.rows[0]?.owner ?? null, memberships: memberships.rows[0]?.n };
  });
}

describe("v2_shared provisioning", () => {
  it("creates schema t_<shortid>_api owned by the owner role, and two locked-down LOGIN roles in no other role", async () => {
    const t = await tenant();
    expect(t.credentials.schema).toBe(`t_${t.credentials.shortId}_api`);
    const state = await tenantState(t);
    expect(state.schemaOwner).toBe(t.credentials.ownerRole);
    expect(state.memberships).toBe(0);
    expect(state.roles.map((r) => r.rolname).sort()).toEqual([t.credentials.ownerRole, t.credentials.role].sort());
    for (const role of state.roles) {
      expect(role).toMatchObject({
        rolcanlogin: true,
        rolsuper: false,
        rolinherit: false,
        rolcreaterole: false,
        rolcreatedb: false,
        rolbypassrls: false,
      });
      expect(role.rolconfig).toContain(`search_path=${t.credentials.schema}`);
      // The stored SCRAM verifier accepts exactly the derived password the data API and migrations log in with.
      expect(
        scramVerifierMatches(
          role.rolpassword ?? "",
          derivedRolePassword(process.env.FLUX_DATA_PLANE_KEY ?? "", role.rolname),
        ),
      ).toBe(true);
    }
  });

  it("is idempotent: provisioning again keeps the tenant's objects and history and changes no role attribute", async () => {
    const t = await tenant();
    await t.engine.importSql(t.project, {
      name: "init",
      sql: "create table notes (id serial primary key, body text)",
      actorUserId: null,
    });
    const before = await tenantState(t);
    await t.engine.provisionProject(t.project);
    await t.engine.provisionProject(t.project);
    const after = await tenantState(t);
    const withoutPasswords = (s: typeof before) => s.roles.map(({ rolpassword: _salted, ...rest }) => rest);
    expect(withoutPasswords(after)).toEqual(withoutPasswords(before));
    expect(after.schemaOwner).toBe(before.schemaOwner);
    expect((await t.engine.listAppliedSql(t.project)).map((a) => a.name)).toEqual(["init"]);
    await withClient(t.credentials.apiDatabaseUrl, async (c) => {
      expect((await c.query("select count(*)::int as n from notes")).rows[0]).toEqual({ n: 0 });
    });
  });

  it("sets statement_timeout and CONNECTION LIMIT on the API role by plan, and applyPlan changes them", async () => {
    const free = await tenant("free");
    const pro = await tenant("pro");
    const apiRole = async (t: TestTenant) => (await tenantState(t)).roles.find((r) => r.rolname === t.credentials.role);
    expect(await apiRole(free)).toMatchObject({
      rolconnlimit: 5,
      rolconfig: expect.arrayContaining(["statement_timeout=5s"]),
    });
    expect(await apiRole(pro)).toMatchObject({
      rolconnlimit: 20,
      rolconfig: expect.arrayContaining(["statement_timeout=15s"]),
    });
    await withClient(free.credentials.apiDatabaseUrl, async (c) => {
      expect((await c.query("show statement_timeout")).rows[0]).toEqual({ statement_timeout: "5s" });
    });

    const upgraded = { ...free.project, plan: "enterprise" as const };
    await free.engine.applyPlan(upgraded);
    expect(await apiRole(free)).toMatchObject({
      rolconnlimit: 50,
      rolconfig: expect.arrayContaining(["statement_timeout=30s"]),
    });
  });

  it("refuses logins of a suspended tenant's roles and allows them again once restored", async () => {
    const t = await tenant();
    const idle = new pg.Client({ connectionString: t.credentials.apiDatabaseUrl });
    await idle.connect();
    idle.on("error", () => undefined);
    await t.engine.setSuspended(t.project, true);
    await expect(withClient(t.credentials.apiDatabaseUrl, (c) => c.query("select 1"))).rejects.toThrow(
      /not permitted to log in/,
    );
    await expect(withClient(t.credentials.ownerDatabaseUrl, (c) => c.query("select 1"))).rejects.toThrow(
      /not permitted to log in/,
    );
    // The session that was already open (a data-API pool connection) was ended too.
    await expect(idle.query("select 1")).rejects.toThrow();
    await idle.end().catch(() => undefined);

    await t.engine.provisionProject(t.project);
    await expect(withClient(t.credentials.apiDatabaseUrl, (c) => c.query("select 1"))).rejects.toThrow(
      /not permitted to log in/,
    );
    await t.engine.setSuspended(t.project, false);
    await withClient(t.credentials.apiDatabaseUrl, (c) => c.query("select 1"));
  });

  it("deleteProject removes schema, roles, grants and history rows, and can run twice", async () => {
    const t = await provisionTestTenant();
    await t.engine.importSql(t.project, { name: "init", sql: "create table things (id int)", actorUserId: null });
    await t.engine.deleteProject(t.project);
    await t.engine.deleteProject(t.project);
    const state = await tenantState(t);
    expect(state).toEqual({ roles: [], schemaOwner: null, memberships: 0 });
    const history = await withClient(adminUrl(), (c) =>
      c.query("select count(*)::int as n from flux_meta.schema_migrations where owner_role = $1", [
        t.credentials.ownerRole,
      ]),
    );
    expect(history.rows[0]).toEqual({ n: 0 });
  });

  it("refuses a project whose mode is v1_dedicated instead of serving it from the shared cluster", async () => {
    const t = await tenant();
    await expect(t.engine.provisionProject({ ...t.project, mode: "v1_dedicated" })).rejects.toThrow(
      /mode v1_dedicated/,
    );
  });
});
