import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { provisionTestTenant, type TestTenant } from "@/tests/fixtures/tenant";
import { bridgeTokenFor, call, NOTES_SQL, startRest, type RunningRest } from "./testing/harness";

/** FLUX_REST_MAX_ROWS behaves like PostgREST's db-max-rows: a cap on every page and the estimated-count threshold. */
let api: RunningRest;
let tenant: TestTenant;
let token: string;

beforeAll(async () => {
  api = await startRest({ FLUX_REST_MAX_ROWS: 2 });
  tenant = await provisionTestTenant();
  await tenant.engine.importSql(tenant.project, {
    name: "notes",
    sql: `${NOTES_SQL}
      insert into notes (id, title, done) select g, 'n' || g, false from generate_series(1, 5) g;
      analyze notes;`,
    actorUserId: null,
  });
  token = await bridgeTokenFor(api.config, tenant);
});

afterAll(async () => {
  await api?.close();
  await tenant?.cleanup();
});

describe("FLUX_REST_MAX_ROWS", () => {
  it("caps a read without limit and says so with 206 when counted", async () => {
    const res = await call(api.baseUrl, "/notes?select=id&order=id", { token, headers: { prefer: "count=exact" } });
    expect(res.status).toBe(206);
    expect(res.json()).toEqual([{ id: 1 }, { id: 2 }]);
    expect(res.headers.get("content-range")).toBe("0-1/5");
  });

  it("caps a larger limit and a larger Range", async () => {
    const limited = await call(api.baseUrl, "/notes?select=id&order=id&limit=4", { token });
    expect(limited.json()).toEqual([{ id: 1 }, { id: 2 }]);
    const ranged = await call(api.baseUrl, "/notes?select=id&order=id", { token, headers: { range: "1-4" } });
    expect(ranged.json()).toEqual([{ id: 2 }, { id: 3 }]);
    expect(ranged.headers.get("content-range")).toBe("1-2/*");
  });

  it("switches count=estimated to the planner's estimate above max rows", async () => {
    const res = await call(api.baseUrl, "/notes?select=id", { token, headers: { prefer: "count=estimated" } });
    expect(res.status).toBe(206);
    expect(res.headers.get("content-range")).toBe("0-1/5");
    expect(res.headers.get("preference-applied")).toBe("count=estimated");
  });
});
