import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signProjectToken } from "@/lib/jwt";
import { startTestGateway, type TestGateway } from "../testing/harness";
import { seedProject, type SeededProject } from "../testing/seed-project";
import { send, sendRaw } from "../testing/send";

/** Step 2 (resolve-host): Host spellings that try to reach another project, or to confuse a cache in front. */
let gw: TestGateway;
let a: SeededProject;
let b: SeededProject;
let tokenA: string;

beforeAll(async () => {
  gw = await startTestGateway();
  a = await seedProject(gw.seedDb.db);
  b = await seedProject(gw.seedDb.db);
  tokenA = (await signProjectToken({ secret: a.secret, role: "anon", expiresInSeconds: 300 })).token;
});
afterAll(async () => {
  await gw?.close();
});

const tenantServed = () => gw.upstream.seen.at(-1)?.bridge?.tenant_id;

describe("attacks on host resolution", () => {
  it.each([
    ["an uppercase Host", (h: string) => h.toUpperCase()],
    ["a trailing-dot Host", (h: string) => `${h}.`],
    ["a Host with a port", (h: string) => `${h}:8080`],
  ])("routes %s to the same project, never another", async (_name, spell) => {
    const answer = await send(gw.port, { host: spell(a.host), headers: { Authorization: `Bearer ${tokenA}` } });
    expect(answer.status).toBe(200);
    expect(tenantServed()).toBe(a.tenantId);
  });

  it("refuses a unicode lookalike Host (Cyrillic а in place of a)", async () => {
    const lookalike = a.host.replace("a", "\u0430");
    const answer = await sendRaw(gw.port, `GET /todos HTTP/1.1\nHost: ${lookalike}\nAuthorization: Bearer ${tokenA}`);
    expect(answer.status).toBe(400);
  });

  it("does not route a punycode lookalike Host to the real project", async () => {
    const answer = await send(gw.port, {
      host: `xn--pi-8cd.${a.host.split(".").slice(1).join(".")}`,
      headers: { Authorization: `Bearer ${tokenA}` },
    });
    expect(answer.status).toBe(404);
    expect(answer.json()).toMatchObject({ code: "FLUX-GW-404" });
  });

  it("refuses two Host headers naming two projects", async () => {
    const answer = await sendRaw(
      gw.port,
      `GET /todos HTTP/1.1\nHost: ${a.host}\nHost: ${b.host}\nAuthorization: Bearer ${tokenA}`,
    );
    expect(answer.status).toBe(400);
    expect(answer.json()).toMatchObject({ code: "FLUX-GW-HOST-DUPLICATE" });
  });

  it("refuses an absolute-URI request line naming another project's host", async () => {
    const before = gw.upstream.seen.length;
    const answer = await sendRaw(
      gw.port,
      `GET http://${b.host}/todos HTTP/1.1\nHost: ${a.host}\nAuthorization: Bearer ${tokenA}`,
    );
    expect(answer.status).toBe(400);
    expect(answer.json()).toMatchObject({ code: "FLUX-GW-HOST-MISMATCH" });
    expect(gw.upstream.seen.length).toBe(before);
  });

  it("refuses two identical Host headers too (a repeated Host is never guessed at)", async () => {
    const answer = await sendRaw(
      gw.port,
      `GET /todos HTTP/1.1\nHost: ${a.host}\nHost: ${a.host}\nAuthorization: Bearer ${tokenA}`,
    );
    expect(answer.status).toBe(400);
    expect(answer.json()).toMatchObject({ code: "FLUX-GW-HOST-DUPLICATE" });
  });

  it("refuses two Host headers on an ops path, where the first would pick the ops answer", async () => {
    const answer = await sendRaw(gw.port, `GET /healthz HTTP/1.1\nHost: 127.0.0.1\nHost: ${a.host}`);
    expect(answer.status).toBe(400);
    expect(answer.json()).toMatchObject({ code: "FLUX-GW-HOST-DUPLICATE" });
  });

  it("refuses an absolute-URI naming a tenant while Host names an ops host", async () => {
    const answer = await sendRaw(gw.port, `GET http://${a.host}/healthz HTTP/1.1\nHost: 127.0.0.1`);
    expect(answer.status).toBe(400);
    expect(answer.json()).toMatchObject({ code: "FLUX-GW-HOST-MISMATCH" });
  });

  it("refuses an absolute-URI whose userinfo hides another project's host (http://a@b/)", async () => {
    const answer = await sendRaw(
      gw.port,
      `GET http://${a.host}@${b.host}/todos HTTP/1.1\nHost: ${a.host}\nAuthorization: Bearer ${tokenA}`,
    );
    expect(answer.status).toBe(400);
    expect(answer.json()).toMatchObject({ code: "FLUX-GW-HOST-MISMATCH" });
  });

  it("serves an absolute-URI naming the Host's own authority, forwarding only its path and query", async () => {
    const answer = await sendRaw(
      gw.port,
      `GET http://${a.host.toUpperCase()}:8080/todos?id=eq.1 HTTP/1.1\nHost: ${a.host}\nAuthorization: Bearer ${tokenA}`,
    );
    expect(answer.status).toBe(200);
    expect(tenantServed()).toBe(a.tenantId);
    expect(gw.upstream.seen.at(-1)?.url).toBe("/todos?id=eq.1");
  });
});
