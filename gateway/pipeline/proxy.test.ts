import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { sendError, toGatewayError } from "../errors";
import { proxyToRest, upstreamPath } from "./proxy";
import { createUpstream } from "./upstream-pool";

const identity = {
  bridgeToken: "b.t.s",
  schema: "t_0123456789ab_api",
  requestId: "rid",
  publicScheme: "http" as const,
};
const servers: http.Server[] = [];

async function listen(handler: http.RequestListener): Promise<number> {
  const server = http.createServer(handler);
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return (server.address() as AddressInfo).port;
}

/** A one-step gateway: everything but the proxy step is out of the way. */
async function gatewayTo(restUrl: string, timeouts = { connectTimeoutMs: 500, readTimeoutMs: 300 }): Promise<number> {
  const upstream = createUpstream(restUrl, timeouts);
  return listen((req, res) => {
    proxyToRest(req, res, upstream, identity).catch((error: unknown) => sendError(res, toGatewayError(error)));
  });
}

async function get(port: number, path = "/todos"): Promise<{ status: number; body: string; ms: number }> {
  const started = Date.now();
  return new Promise((resolve, reject) => {
    http
      .get({ port, path, host: "127.0.0.1", agent: false }, (res) => {
        let body = "";
        res.on("data", (chunk: Buffer) => (body += chunk.toString()));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, body, ms: Date.now() - started }));
      })
      .on("error", reject);
  });
}

afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => new Promise((resolve) => s.close(resolve))));
});

describe("proxy step", () => {
  it("relays status, headers and body from rest", async () => {
    const rest = await listen((req, res) => {
      res.writeHead(206, { "content-type": "application/json", "content-range": "0-0/1" });
      res.end(JSON.stringify({ path: req.url, auth: req.headers.authorization }));
    });
    const response = await get(await gatewayTo(`http://127.0.0.1:${rest}`), "/todos?id=eq.1");
    expect(response.status).toBe(206);
    expect(JSON.parse(response.body)).toEqual({ path: "/todos?id=eq.1", auth: "Bearer b.t.s" });
  });

  it("answers 502 FLUX-GW-UPSTREAM-UNAVAILABLE quickly when rest is down", async () => {
    const closed = await listen(() => {});
    await new Promise((resolve) => servers.pop()?.close(resolve));
    const response = await get(await gatewayTo(`http://127.0.0.1:${closed}`));
    expect(response.status).toBe(502);
    expect(JSON.parse(response.body)).toMatchObject({ code: "FLUX-GW-UPSTREAM-UNAVAILABLE", details: null });
    expect(response.ms).toBeLessThan(1_000);
  });

  it("answers 504 FLUX-GW-UPSTREAM-TIMEOUT when rest stays silent", async () => {
    const silent = await listen(() => {});
    const response = await get(await gatewayTo(`http://127.0.0.1:${silent}`));
    expect(response.status).toBe(504);
    expect(JSON.parse(response.body)).toMatchObject({ code: "FLUX-GW-UPSTREAM-TIMEOUT" });
  });

  it("drops the upstream request when the client goes away before rest answers, so rest stops working for nobody", async () => {
    let upstreamSockets = 0;
    let upstreamClosed!: () => void;
    const closed = new Promise<void>((resolve) => (upstreamClosed = resolve));
    let arrived!: () => void;
    const reached = new Promise<void>((resolve) => (arrived = resolve));
    const slow = await listen((req) => {
      upstreamSockets += 1;
      arrived();
      req.socket.once("close", upstreamClosed);
    });
    const port = await gatewayTo(`http://127.0.0.1:${slow}`, { connectTimeoutMs: 500, readTimeoutMs: 60_000 });
    const client = http.get({ port, path: "/todos", host: "127.0.0.1", agent: false });
    client.on("error", () => undefined);
    await reached;
    client.destroy();
    // Resolves only when the gateway closed its upstream request (rest would have kept working otherwise).
    await closed;
    expect(upstreamSockets).toBe(1);
  });

  it("reduces absolute-form targets to the path and keeps the upstream base path", () => {
    expect(upstreamPath(new URL("http://rest:3100"), "/todos?select=*")).toBe("/todos?select=*");
    expect(upstreamPath(new URL("http://rest:3100/v1/"), "/todos")).toBe("/v1/todos");
    expect(upstreamPath(new URL("http://rest:3100"), "http://api--a-b--abc1234.localhost/todos?x=1")).toBe(
      "/todos?x=1",
    );
  });
});
