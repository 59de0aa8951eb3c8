import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { quoteIdent } from "@/lib/engines/sql";
import { bridgeTokenFor, call, startRest, type RunningRest } from "@/rest/testing/harness";
import { provisionTestTenant, type TestTenant } from "@/tests/fixtures/tenant";

let tenant: TestTenant;
let api: RunningRest;
let token: string;

beforeAll(async () => {
  tenant = await provisionTestTenant();
  const role = quoteIdent(tenant.credentials.role);
  await tenant.engine.importSql(tenant.project, {
    name: "limits",
    sql: `create table items (n int primary key); insert into items select generate_series(1, 10);
          grant select, insert on items to ${role};`,
    actorUserId: null,
  });
  api = await startRest({ FLUX_REST_MAX_ROWS: 3, FLUX_BODY_LIMIT_BYTES: 64 });
  token = await bridgeTokenFor(api.config, tenant);
});
afterAll(async () => {
  await api?.close();
  await tenant?.cleanup();
});

describe("configured limits", () => {
  it("returns at most FLUX_REST_MAX_ROWS rows whatever limit= asks for", async () => {
    const all = await call(api.baseUrl, "/items?order=n", { token });
    expect(all.json()).toEqual([{ n: 1 }, { n: 2 }, { n: 3 }]);
    expect(all.headers.get("content-range")).toBe("0-2/*");
    const asked = await call(api.baseUrl, "/items?order=n&limit=8&offset=5", { token });
    expect(asked.json()).toEqual([{ n: 6 }, { n: 7 }, { n: 8 }]);
  });

  it("refuses a body past FLUX_BODY_LIMIT_BYTES with 413 PGRST413 and writes nothing", async () => {
    const body = JSON.stringify(Array.from({ length: 10 }, (_, i) => ({ n: 100 + i })));
    const res = await call(api.baseUrl, "/items", { token, method: "POST", body });
    expect(res.status).toBe(413);
    expect(res.headers.get("content-type")).toBe("application/json; charset=utf-8");
    expect(res.json()).toMatchObject({ code: "PGRST413", message: "The request body is larger than 64 bytes" });
    expect((await call(api.baseUrl, "/items?n=gte.100", { token })).json()).toEqual([]);
  });

  it("accepts a body under the limit", async () => {
    const res = await call(api.baseUrl, "/items", { token, method: "POST", body: JSON.stringify({ n: 50 }) });
    expect(res.status).toBe(201);
  });
});
