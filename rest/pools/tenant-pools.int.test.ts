import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "@/lib/config";
import { createLogger } from "@/rest/log";
import { bridgeTokenFor, call, startRest } from "@/rest/testing/harness";
import { provisionTestTenant, type TestTenant } from "@/tests/fixtures/tenant";
import { TenantPools } from "./tenant-pools";

let tenantA: TestTenant;
let tenantB: TestTenant;

beforeAll(async () => {
  [tenantA, tenantB] = await Promise.all([provisionTestTenant(), provisionTestTenant()]);
});

afterAll(async () => {
  await Promise.all([tenantA?.cleanup(), tenantB?.cleanup()]);
});

/** Tenant pools whose whole budget is `connections`, each allowed to grow to all of it. */
function poolsWithBudget(connections: number): TenantPools {
  const config = loadConfig(process.env);
  return new TenantPools({
    clusterDatabaseUrl: config.tenantDatabaseUrl,
    dataPlaneKey: config.FLUX_DATA_PLANE_KEY,
    maxConnections: connections,
    perTenant: connections,
    logger: createLogger("error"),
  });
}

describe("TenantPools", () => {
  it("logs each pool in as its tenant's role and stays within the connection budget", async () => {
    const pools = poolsWithBudget(2);
    try {
      for (const tenant of [tenantA, tenantB, tenantA]) {
        const client = await pools.connect(tenant.credentials.role);
        const { rows } = await client.query<{ login: string }>("select session_user as login");
        client.release();
        expect(rows[0]?.login).toBe(tenant.credentials.role);
        expect(pools.connectionCount).toBeLessThanOrEqual(2);
      }
    } finally {
      await pools.close();
    }
  });

  it("reserves one connection per tenant and grows a busy pool only within the budget", async () => {
    const pools = poolsWithBudget(3);
    try {
      const b = await pools.connect(tenantB.credentials.role);
      const a = [await pools.connect(tenantA.credentials.role), await pools.connect(tenantA.credentials.role)];
      // tenant B keeps its reserved connection; tenant A grew to the two that were left.
      expect(pools.poolCount).toBe(2);
      expect(pools.connectionCount).toBe(3);
      [b, ...a].forEach((client) => client.release());
    } finally {
      await pools.close();
    }
  });
});

describe("plan guardrails through the data API", () => {
  it("a query running past the role's statement_timeout answers 500 with code 57014", async () => {
    await tenantA.engine.importSql(tenantA.project, {
      name: "slow",
      sql: "create view slow as select 1 as n from pg_sleep(10)",
      actorUserId: null,
    });
    const api = await startRest();
    try {
      const res = await call(api.baseUrl, "/slow", { token: await bridgeTokenFor(api.config, tenantA) });
      expect(res.status).toBe(500);
      expect(res.json()).toMatchObject({ code: "57014", message: "canceling statement due to statement timeout" });
      // The connection came back clean: the next request on it succeeds.
      expect(
        (await call(api.baseUrl, "/slow?limit=0", { token: await bridgeTokenFor(api.config, tenantA) })).status,
      ).toBe(200);
    } finally {
      await api.close();
    }
  });
});
