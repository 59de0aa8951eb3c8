import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "@/lib/config";
import { silentLogger } from "@/lib/log";
import { provisionTestTenant, withClient, type TestTenant } from "@/tests/fixtures/tenant";
import { listenForSchemaReload, type ReloadListener } from "./listen-for-reload";
import type { ReloadRequest } from "./reload-payload";

let a: TestTenant;
let b: TestTenant;
let listener: ReloadListener;
const received: ReloadRequest[] = [];
const config = () => loadConfig(process.env);

beforeAll(async () => {
  [a, b] = await Promise.all([provisionTestTenant(), provisionTestTenant()]);
  listener = listenForSchemaReload({
    databaseUrl: config().tenantDatabaseUrl,
    logger: silentLogger,
    onReload: (r) => received.push(r),
  });
  await listener.ready;
});

afterAll(async () => {
  await listener?.close();
  await Promise.all([a?.cleanup(), b?.cleanup()]);
});

async function waitFor(count: number): Promise<ReloadRequest[]> {
  for (let i = 0; i < 100 && received.length < count; i += 1) await new Promise((resolve) => setTimeout(resolve, 20));
  return received.splice(0, received.length);
}

describe("schema reload notifications", () => {
  it("narrows a tenant's NOTIFY pgrst 'reload schema' to its own schema instead of flushing every tenant", async () => {
    await withClient(a.credentials.apiDatabaseUrl, async (client) => {
      await client.query("notify pgrst, 'reload schema'");
      await client.query("select pg_notify('pgrst', $1)", [b.credentials.schema]);
      await client.query("select pg_notify('pgrst', $1)", [a.credentials.schema]);
      expect(await waitFor(3)).toEqual([
        { kind: "schema", schema: a.credentials.schema },
        { kind: "ignore" },
        { kind: "schema", schema: a.credentials.schema },
      ]);
    });
  });

  it("keeps an operator's 'reload schema' reloading everything", async () => {
    await withClient(config().tenantDatabaseUrl, (client) => client.query("notify pgrst, 'reload schema'"));
    expect(await waitFor(1)).toEqual([{ kind: "all" }]);
  });
});
