import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signProjectToken } from "@/lib/jwt";
import { startTestGateway, type TestGateway } from "./testing/harness";
import { seedProject, type SeededProject } from "./testing/seed-project";
import { send } from "./testing/send";

let gw: TestGateway;
let project: SeededProject;

beforeAll(async () => {
  gw = await startTestGateway();
  project = await seedProject(gw.seedDb.db);
});
afterAll(async () => {
  await gw?.close();
});

const bearer = async (p: SeededProject) =>
  `Bearer ${(await signProjectToken({ secret: p.secret, role: "anon", expiresInSeconds: 300 })).token}`;

describe("shutdown", () => {
  it("finishes an in-flight request when closed, then refuses new connections", async () => {
    const draining = await startTestGateway();
    const p = await seedProject(draining.seedDb.db);
    const inFlight = send(draining.port, { host: p.host, path: "/todos?delay_ms=300", headers: { Authorization: await bearer(p) } });
    await new Promise((resolve) => setTimeout(resolve, 100));
    const closed = draining.close();
    expect((await inFlight).status).toBe(200);
    await closed;
    await expect(send(draining.port, { host: p.host, path: "/healthz" })).rejects.toThrow(/ECONNREFUSED/);
  });
});

describe("ops endpoints", () => {
  it("answers /healthz on any host", async () => {
    const answer = await send(gw.port, { host: "whatever.example", path: "/healthz" });
    expect(answer.status).toBe(200);
    expect(answer.json()).toEqual({ status: "ok" });
  });

  it("answers a browser CORS preflight without a token and without forwarding it", async () => {
    const before = gw.upstream.seen.length;
    const answer = await send(gw.port, {
      host: project.host,
      method: "OPTIONS",
      headers: { Origin: "https://app.example", "Access-Control-Request-Method": "GET" },
    });
    expect(answer.status).toBe(204);
    expect(answer.headers["access-control-allow-origin"]).toBe("*");
    expect(gw.upstream.seen.length).toBe(before);
  });

  it("answers /readyz 200 when flux-system and rest answer", async () => {
    const answer = await send(gw.port, { host: "whatever.example", path: "/readyz" });
    expect(answer.status).toBe(200);
    expect(answer.json()).toEqual({ status: "ok", checks: { database: "ok", rest: "ok" } });
  });
});
