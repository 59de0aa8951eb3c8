import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "@/lib/config";
import { bridgeKey, mintBridgeToken } from "@/lib/jwt";
import { call, startRest, type RunningRest } from "@/rest/testing/harness";
import { provisionTestTenant, type TestTenant } from "@/tests/fixtures/tenant";
import { startTestGateway, type TestGateway } from "./testing/harness";
import { send } from "./testing/send";

let gateway: TestGateway;
let api: RunningRest;
let tenant: TestTenant;
const guideUrl = "https://flux.example.com/troubleshooting";

beforeAll(async () => {
  gateway = await startTestGateway({ env: { FLUX_GUIDE_URL: guideUrl } });
  api = await startRest({ ...loadConfig(process.env), guideUrl });
  tenant = await provisionTestTenant();
});
afterAll(async () => {
  await gateway?.close();
  await api?.close();
  await tenant?.cleanup();
});

describe("error answers link to the troubleshooting guide", () => {
  it("gateway refusals carry a link field and a Link rel=help header to the code's entry", async () => {
    const answer = await send(gateway.port, { host: "api--nobody--0000000.localhost", path: "/notes" });
    expect(answer.status).toBe(404);
    expect(answer.json()).toMatchObject({ code: "FLUX-GW-404", link: `${guideUrl}#wrong-host` });
    expect(answer.headers.link).toBe(`<${guideUrl}#wrong-host>; rel="help"`);
  });

  it("data API errors keep exactly PostgREST's four body fields and link through a header only", async () => {
    const token = await mintBridgeToken(
      { role: tenant.credentials.role, tenant_id: tenant.tenantId, claims: {} },
      bridgeKey(api.config.FLUX_BRIDGE_SECRET),
    );
    const res = await call(api.baseUrl, "/no_such_table", { token });
    expect(res.status).toBe(404);
    expect(Object.keys(res.json() as object).sort()).toEqual(["code", "details", "hint", "message"]);
    expect(res.headers.get("link")).toBe(`<${guideUrl}#migration-succeeded-queries-fail>; rel="help"`);
  });
});
