// Step 6 — forward the request to rest with the bridge token and the tenant schema, and stream the answer back.
import http, { type IncomingMessage, type ServerResponse } from "node:http";
import { GatewayError } from "../errors";
import { limitedBody, type BodyLimits } from "./body-limit";
import { clientResponseHeaders, upstreamRequestHeaders, type ForwardPolicy, type UpstreamIdentity } from "./proxy-headers";
import type { Upstream } from "./upstream-pool";

export type ProxyOptions = { forward?: ForwardPolicy; body?: BodyLimits };

const UNLIMITED_BODY: BodyLimits = { maxBodyBytes: Number.MAX_SAFE_INTEGER, idleTimeoutMs: 2 ** 31 - 1 };

const unavailable = () =>
  new GatewayError({
    status: 502,
    code: "FLUX-GW-UPSTREAM-UNAVAILABLE",
    message: "The data API behind the gateway could not be reached",
    hint: "Retry shortly; if it persists, check that the rest process is running (`flux doctor`)",
  });
const timedOut = () =>
  new GatewayError({
    status: 504,
    code: "FLUX-GW-UPSTREAM-TIMEOUT",
    message: "The data API did not answer in time",
    hint: "Retry; long queries may need an index or a smaller page (Range / limit)",
  });

/**
 * Resolves when the response has been fully relayed; rejects with a GatewayError (502/504) only while nothing
 * has been sent to the client yet — after that, a failure can only cut the response short.
 */
export function proxyToRest(
  req: IncomingMessage,
  res: ServerResponse,
  upstream: Upstream,
  identity: UpstreamIdentity,
  options: ProxyOptions = {},
): Promise<void> {
  return new Promise((resolve, reject) => {
    let settled = false;
    const fail = (error: GatewayError) => {
      if (settled) return;
      settled = true;
      if (res.headersSent) res.destroy();
      else reject(error);
    };

    const proxyReq = http.request({
      protocol: upstream.url.protocol,
      hostname: upstream.url.hostname,
      port: upstream.url.port,
      method: req.method,
      path: upstreamPath(upstream.url, req.url ?? "/"),
      headers: upstreamRequestHeaders(req, identity, options.forward),
      agent: upstream.agent,
    });

    proxyReq.on("socket", (socket) => {
      if (!socket.connecting) return;
      const timer = setTimeout(() => {
        fail(unavailable());
        proxyReq.destroy();
      }, upstream.connectTimeoutMs);
      socket.once("connect", () => clearTimeout(timer));
      socket.once("close", () => clearTimeout(timer));
    });
    proxyReq.setTimeout(upstream.readTimeoutMs, () => {
      fail(timedOut());
      proxyReq.destroy();
    });
    proxyReq.on("error", () => fail(unavailable()));

    proxyReq.on("response", (upstreamRes) => {
      res.writeHead(upstreamRes.statusCode ?? 502, clientResponseHeaders(upstreamRes.headers, identity.bridgeToken));
      upstreamRes.pipe(res);
      upstreamRes.on("error", () => fail(unavailable()));
      res.on("finish", () => {
        if (settled) return;
        settled = true;
        resolve();
      });
    });

    // A client that goes away takes its upstream request with it, so rest stops working for nobody.
    res.on("close", () => {
      if (!res.writableFinished) proxyReq.destroy();
      if (!settled) {
        settled = true;
        resolve();
      }
    });
    // Most requests carry no body (GET, HEAD, DELETE): end the upstream request now instead of piping nothing.
    if (!hasBody(req)) {
      proxyReq.end();
      return;
    }
    const body = limitedBody(req, options.body ?? UNLIMITED_BODY);
    body.on("error", (error) => {
      fail(error instanceof GatewayError ? error : unavailable());
      proxyReq.destroy();
    });
    body.pipe(proxyReq);
  });
}

/** HTTP/1.1 framing (RFC 9112 §6.3), as node's parser applies it: no Transfer-Encoding and no length means no body. */
function hasBody(req: IncomingMessage): boolean {
  if (req.headers["transfer-encoding"] !== undefined) return true;
  const length = req.headers["content-length"];
  return length !== undefined && length !== "0";
}

/** Absolute-form targets are reduced to path + query; the upstream's own base path is kept in front. */
export function upstreamPath(upstreamUrl: URL, requestTarget: string): string {
  let pathAndQuery = requestTarget;
  if (!requestTarget.startsWith("/")) {
    const parsed = URL.canParse(requestTarget) ? new URL(requestTarget) : null;
    pathAndQuery = parsed ? `${parsed.pathname}${parsed.search}` : "/";
  }
  const base = upstreamUrl.pathname.replace(/\/+$/, "");
  return `${base}${pathAndQuery}`;
}
