import { PostgrestClient } from "@supabase/postgrest-js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { provisionTestTenant, type TestTenant } from "@/tests/fixtures/tenant";
import { bridgeTokenFor, NOTES_SQL, startRest, type RunningRest } from "./testing/harness";

let api: RunningRest;
let tenant: TestTenant;
// As the gateway would send it: bridge token, profile headers forced to the tenant schema.
const clientFor = (baseUrl: string, token: string, schema: string) =>
  new PostgrestClient(baseUrl, { headers: { Authorization: `Bearer ${token}` }, schema });
let client: ReturnType<typeof clientFor>;

beforeAll(async () => {
  api = await startRest();
  tenant = await provisionTestTenant();
  await tenant.engine.importSql(tenant.project, {
    name: "notes",
    sql: `${NOTES_SQL} insert into notes (id, title, done) values (1, 'alpha', false), (2, 'beta', true), (3, 'gamma', false);`,
    actorUserId: null,
  });
  client = clientFor(api.baseUrl, await bridgeTokenFor(api.config, tenant), tenant.credentials.schema);
});

afterAll(async () => {
  await api?.close();
  await tenant?.cleanup();
});

describe("requests issued by @supabase/postgrest-js", () => {
  it("select with eq, order and limit", async () => {
    const { data, error, status } = await client
      .from("notes")
      .select("id,title")
      .eq("done", false)
      .order("id", { ascending: false })
      .limit(1);
    expect(error).toBeNull();
    expect(status).toBe(200);
    expect(data).toEqual([{ id: 3, title: "gamma" }]);
  });

  it("in, ilike and is filters", async () => {
    const { data } = await client
      .from("notes")
      .select("id")
      .in("id", [1, 2])
      .ilike("title", "%A%")
      .is("author", null)
      .order("id");
    expect(data).toEqual([{ id: 1 }, { id: 2 }]);
  });

  it("single() returns one object, and an error when there is none", async () => {
    expect((await client.from("notes").select("title").eq("id", 2).single()).data).toEqual({ title: "beta" });
    const none = await client.from("notes").select("title").eq("id", 99).single();
    expect(none.status).toBe(406);
    expect(none.error?.code).toBe("PGRST116");
  });

  it("insert of rows with different keys (columns=), missing keys inserting NULL as in PostgREST", async () => {
    const { data, error, status } = await client
      .from("notes")
      .insert([
        { id: 10, title: "ten", done: true },
        { id: 11, title: "eleven", done: false, author: "someone" },
      ])
      .select("id,author");
    expect(error).toBeNull();
    expect(status).toBe(201);
    expect(data).toEqual([
      { id: 10, author: null },
      { id: 11, author: "someone" },
    ]);
  });

  it("surfaces a PostgreSQL error in PostgREST's shape", async () => {
    const { error, status } = await client.from("notes").insert({ id: 1, title: "dup" });
    expect(status).toBe(409);
    expect(error).toMatchObject({ code: "23505", details: expect.stringContaining("already exists") });
  });
});
