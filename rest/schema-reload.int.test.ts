import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { provisionTestTenant, type TestTenant } from "@/tests/fixtures/tenant";
import {
  bridgeTokenFor,
  call,
  notifyPgrst,
  runAsOwnerWithoutNotify,
  startRest,
  type RunningRest,
} from "./testing/harness";

let tenant: TestTenant;

beforeAll(async () => {
  tenant = await provisionTestTenant();
});

afterAll(async () => {
  await tenant?.cleanup();
});

async function eventuallyStatus(api: RunningRest, token: string, path: string, status: number): Promise<number> {
  let last = 0;
  for (let attempt = 0; attempt < 50; attempt += 1) {
    last = (await call(api.baseUrl, path, { token })).status;
    if (last === status) return last;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return last;
}

describe("schema cache reload", () => {
  it("a NOTIFY pgrst naming the schema makes a newly created table visible", async () => {
    // Reloads after a miss are throttled to once an hour here, so only the NOTIFY can refresh the cache.
    const api = await startRest({}, { schemaCache: { missReloadIntervalMs: 3_600_000, missReloadsPerInterval: 1 } });
    try {
      const token = await bridgeTokenFor(api.config, tenant);
      expect((await call(api.baseUrl, "/fresh", { token })).status).toBe(404);
      await runAsOwnerWithoutNotify(tenant, "create table fresh (id int primary key)");
      expect((await call(api.baseUrl, "/fresh", { token })).status).toBe(404);
      await notifyPgrst(api.config, tenant.credentials.schema);
      expect(await eventuallyStatus(api, token, "/fresh", 200)).toBe(200);

      await runAsOwnerWithoutNotify(tenant, "create table fresher (id int primary key)");
      await notifyPgrst(api.config, "reload schema");
      expect(await eventuallyStatus(api, token, "/fresher", 200)).toBe(200);
    } finally {
      await api.close();
    }
  });

  it("importSql's own notification reloads the cache", async () => {
    const api = await startRest({}, { schemaCache: { missReloadIntervalMs: 3_600_000, missReloadsPerInterval: 1 } });
    try {
      const token = await bridgeTokenFor(api.config, tenant);
      expect((await call(api.baseUrl, "/pushed", { token })).status).toBe(404);
      await tenant.engine.importSql(tenant.project, {
        name: "pushed",
        sql: "create table pushed (id int)",
        actorUserId: null,
      });
      expect(await eventuallyStatus(api, token, "/pushed", 200)).toBe(200);
    } finally {
      await api.close();
    }
  });

  it("reloads once when a request names a table the cache lacks (a missed NOTIFY)", async () => {
    const api = await startRest({}, { schemaCache: { missReloadIntervalMs: 0 } });
    try {
      const token = await bridgeTokenFor(api.config, tenant);
      expect((await call(api.baseUrl, "/missed", { token })).status).toBe(404);
      await runAsOwnerWithoutNotify(tenant, "create table missed (id int primary key, label text)");
      const res = await call(api.baseUrl, "/missed?select=id,label", { token });
      expect(res.status).toBe(200);
      expect(res.json()).toEqual([]);
    } finally {
      await api.close();
    }
  });
});

describe("request limits", () => {
  it("answers 413 for a body over FLUX_BODY_LIMIT_BYTES", async () => {
    const api = await startRest({ FLUX_BODY_LIMIT_BYTES: 64 });
    try {
      const token = await bridgeTokenFor(api.config, tenant);
      const res = await call(api.baseUrl, "/fresh", {
        token,
        method: "POST",
        body: JSON.stringify({ id: 1, pad: "x".repeat(100) }),
      });
      expect(res.status).toBe(413);
      expect(res.json()).toMatchObject({ code: "PGRST413" });
    } finally {
      await api.close();
    }
  });
});
