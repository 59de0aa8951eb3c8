import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { provisionTestTenant, sqlStateOf, withClient, type TestTenant } from "@/tests/fixtures/tenant";

let a: TestTenant;
let b: TestTenant;
beforeAll(async () => {
  a = await provisionTestTenant();
  b = await provisionTestTenant();
  await b.engine.importSql(b.project, {
    name: "secrets",
    sql: "create table secrets (id serial primary key, value text); insert into secrets (value) values ('b-only');",
    actorUserId: null,
  });
});
afterAll(async () => {
  await a?.cleanup();
  await b?.cleanup();
});

const INSUFFICIENT_PRIVILEGE = "42501";
const asApiA = <T>(work: Parameters<typeof withClient<T>>[1]) => withClient(a.credentials.apiDatabaseUrl, work);
const bTable = () => `${b.credentials.schema}.secrets`;

describe("cross-tenant isolation of the API role (what the data API logs in as)", () => {
  it("stops tenant A's API role from reading tenant B's table (permission denied, 42501)", async () => {
    await asApiA(async (c) => {
      expect(await sqlStateOf(c, `select * from ${bTable()}`)).toBe(INSUFFICIENT_PRIVILEGE);
    });
  });

  it("stops SET ROLE into tenant B's API or owner role", async () => {
    await asApiA(async (c) => {
      expect(await sqlStateOf(c, `set role ${b.credentials.role}`)).toBe(INSUFFICIENT_PRIVILEGE);
      expect(await sqlStateOf(c, `set role ${b.credentials.ownerRole}`)).toBe(INSUFFICIENT_PRIVILEGE);
      expect(await sqlStateOf(c, `set local role ${b.credentials.role}`)).toBe(INSUFFICIENT_PRIVILEGE);
    });
  });

  it("stops set_config('role', …) into tenant B's role, the path a plpgsql /rpc function would take", async () => {
    await asApiA(async (c) => {
      expect(await sqlStateOf(c, "select set_config('role', $1, true)", [b.credentials.role])).toBe(
        INSUFFICIENT_PRIVILEGE,
      );
      expect(await sqlStateOf(c, "select set_config('role', $1, false)", [b.credentials.ownerRole])).toBe(
        INSUFFICIENT_PRIVILEGE,
      );
    });
  });

  it("stops SET SESSION AUTHORIZATION to tenant B's role", async () => {
    await asApiA(async (c) => {
      expect(await sqlStateOf(c, `set session authorization ${b.credentials.role}`)).toBe(INSUFFICIENT_PRIVILEGE);
    });
  });

  it("stops the API role from creating objects (DDL is only for pushed SQL) or reading the SQL history", async () => {
    await asApiA(async (c) => {
      expect(await sqlStateOf(c, "create table sneaky (id int)")).toBe(INSUFFICIENT_PRIVILEGE);
      expect(await sqlStateOf(c, "create table public.sneaky (id int)")).toBe(INSUFFICIENT_PRIVILEGE);
      expect(await sqlStateOf(c, "create temporary table sneaky (id int)")).toBe(INSUFFICIENT_PRIVILEGE);
      expect(await sqlStateOf(c, "select * from flux_meta.schema_migrations")).toBe(INSUFFICIENT_PRIVILEGE);
    });
  });

  it("gives auth.uid()/auth.role()/auth.jwt() the request's claims inside the caller's own transaction", async () => {
    await asApiA(async (c) => {
      await c.query("begin");
      await c.query("select set_config('request.jwt.claims', $1, true)", [
        JSON.stringify({ sub: "user-1", role: "authenticated" }),
      ]);
      const { rows } = await c.query("select auth.uid() as uid, auth.role() as role, auth.jwt() ->> 'sub' as sub");
      await c.query("commit");
      expect(rows[0]).toEqual({ uid: "user-1", role: "authenticated", sub: "user-1" });
      expect((await c.query("select auth.uid() as uid, auth.jwt() as jwt")).rows[0]).toEqual({ uid: null, jwt: {} });
    });
  });
});
