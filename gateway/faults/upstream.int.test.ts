import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { withDatabase } from "@/lib/config";
import { signProjectToken } from "@/lib/jwt";
import { startTestGateway, type TestGateway } from "../testing/harness";
import { startRestProcess, type RestProcess } from "../testing/rest-process";
import { seedProject, type SeededProject } from "../testing/seed-project";
import { send } from "../testing/send";
import { startTcpRelay, type TcpRelay } from "../testing/tcp-relay";

/**
 * Real processes failing under a running gateway. The database outage goes through a TCP relay in front of the
 * shared PostgreSQL (other runs use that server, so it is never restarted): cutting the relay is, to the gateway,
 * indistinguishable from a restart — every connection dies and new ones are refused until it is back.
 */
const bearer = async (p: SeededProject) =>
  `Bearer ${(await signProjectToken({ secret: p.secret, role: "anon", expiresInSeconds: 300 })).token}`;
const readyz = (gw: TestGateway) => send(gw.port, { host: "127.0.0.1", path: "/readyz" });

async function within<T>(ms: number, check: () => Promise<T>, ok: (value: T) => boolean): Promise<T> {
  const deadline = Date.now() + ms;
  let last = await check();
  while (!ok(last) && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 50));
    last = await check();
  }
  return last;
}

describe("rest killed under the gateway", () => {
  let rest: RestProcess;
  let gw: TestGateway;
  let p: SeededProject;

  beforeAll(async () => {
    rest = await startRestProcess();
    gw = await startTestGateway({ restUrl: rest.url });
    p = await seedProject(gw.seedDb.db);
  });
  afterAll(async () => {
    await rest?.kill();
    await gw?.close();
  });

  it("turns /readyz to 503 within a second and answers requests 502 fast, then recovers when rest is back", async () => {
    expect((await readyz(gw)).status).toBe(200);
    await rest.kill();
    const killedAt = Date.now();
    const notReady = await within(
      1_000,
      () => readyz(gw),
      (answer) => answer.status === 503,
    );
    expect(notReady.status).toBe(503);
    expect(Date.now() - killedAt).toBeLessThan(1_000);
    expect(notReady.json()).toMatchObject({ status: "unavailable", checks: { database: "ok", rest: "error" } });

    const started = Date.now();
    const answer = await send(gw.port, { host: p.host, headers: { Authorization: await bearer(p) } });
    expect(answer.status).toBe(502);
    expect(answer.json()).toMatchObject({ code: "FLUX-GW-UPSTREAM-UNAVAILABLE" });
    expect(Date.now() - started).toBeLessThan(1_000);

    rest = await startRestProcess(rest.port);
    expect(
      (
        await within(
          5_000,
          () => readyz(gw),
          (a) => a.status === 200,
        )
      ).status,
    ).toBe(200);
  });

  it("stays ready while at least one upstream of the pool answers, and 503s when every one is down", async () => {
    const second = await startRestProcess();
    const pooled = await startTestGateway({ env: { FLUX_REST_UPSTREAMS: `${rest.url},${second.url}` } });
    try {
      await second.kill();
      const degraded = await readyz(pooled);
      expect(degraded.status).toBe(200);
      expect(degraded.json()).toMatchObject({ checks: { rest: "degraded", upstreams: ["ok", "error"] } });
      await rest.kill();
      expect((await readyz(pooled)).status).toBe(503);
    } finally {
      await pooled.close();
    }
  });
});

describe("flux-system restarted under the gateway", () => {
  let relay: TcpRelay;
  let gw: TestGateway;

  beforeAll(async () => {
    const real = new URL(process.env.DATABASE_URL ?? "");
    relay = await startTcpRelay({ host: real.hostname, port: Number(real.port || 5432) });
    const throughRelay = new URL(real);
    throughRelay.hostname = "127.0.0.1";
    throughRelay.port = String(relay.port);
    gw = await startTestGateway({
      env: {
        DATABASE_URL: withDatabase(throughRelay.toString(), real.pathname.slice(1)),
        FLUX_GATEWAY_HOST_CACHE_TTL_MS: "60000",
      },
    });
  });
  afterAll(async () => {
    await gw?.close();
    await relay?.close();
  });

  it("reports the outage, keeps serving cached hosts, answers 503 for unknown ones, and recovers without a restart", async () => {
    const known = await seedProject(gw.seedDb.db);
    expect((await send(gw.port, { host: known.host, headers: { Authorization: await bearer(known) } })).status).toBe(
      200,
    );

    await relay.cut();
    const unknown = await seedProject(gw.seedDb.db);
    const notReady = await within(
      1_500,
      () => readyz(gw),
      (answer) => answer.status === 503,
    );
    expect(notReady.json()).toMatchObject({ checks: { database: "error" } });
    expect((await send(gw.port, { host: known.host, headers: { Authorization: await bearer(known) } })).status).toBe(
      200,
    );
    const refused = await send(gw.port, { host: unknown.host, headers: { Authorization: await bearer(unknown) } });
    expect(refused.status).toBe(503);
    expect(refused.json()).toMatchObject({ code: "FLUX-GW-DIRECTORY-UNAVAILABLE" });

    await relay.restore();
    expect(
      (
        await within(
          5_000,
          () => readyz(gw),
          (answer) => answer.status === 200,
        )
      ).status,
    ).toBe(200);
    const recovered = await within(
      5_000,
      async () => send(gw.port, { host: unknown.host, headers: { Authorization: await bearer(unknown) } }),
      (answer) => answer.status === 200,
    );
    expect(recovered.status).toBe(200);
  });
});
