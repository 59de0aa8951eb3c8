import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { provisionTestTenant, type TestTenant } from "@/tests/fixtures/tenant";

const created: TestTenant[] = [];
async function tenant(plan?: Parameters<typeof provisionTestTenant>[0]) {
  const t = await provisionTestTenant(plan);
  created.push(t);
  return t;
}
afterAll(async () => {
  for (const t of created) await t.cleanup();
});

async function asAdmin<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: process.env.FLUX_TENANT_DATABASE_URL });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

describe("v2_shared provisioning", () => {
  it("creates the tenant schema owned by the owner role and both LOGIN roles", async () => {
    const { credentials } = await tenant();
    const { schemaOwner, roles } = await asAdmin(async (c) => {
      const schema = await c.query("select nspowner::regrole::text as owner from pg_namespace where nspname = $1", [credentials.schema]);
      const r = await c.query("select rolname, rolcanlogin, rolsuper, rolinherit from pg_roles where rolname = any($1) order by rolname", [
        [credentials.role, credentials.ownerRole],
      ]);
      return { schemaOwner: schema.rows[0]?.owner, roles: r.rows };
    });
    expect(schemaOwner).toBe(credentials.ownerRole);
    expect(roles).toEqual([
      { rolname: credentials.ownerRole, rolcanlogin: true, rolsuper: false, rolinherit: false },
      { rolname: credentials.role, rolcanlogin: true, rolsuper: false, rolinherit: false },
    ].sort((a, b) => a.rolname.localeCompare(b.rolname)));
  });
});
