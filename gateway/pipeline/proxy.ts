// Step 6 — forward the request to rest with the bridge token and the tenant schema, and stream the answer back.
import { EventEmitter } from "node:events";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { Readable } from "node:stream";
import { errors as undiciErrors } from "undici";
import { GatewayError } from "../errors";
import { limitedBody, type BodyLimits } from "./body-limit";
import {
  clientResponseHeaders,
  upstreamRequestHeaders,
  type ForwardPolicy,
  type UpstreamIdentity,
} from "./proxy-headers";
import type { Upstream } from "./upstream-pool";

export type ProxyOptions = { forward?: ForwardPolicy; body?: BodyLimits };

const UNLIMITED_BODY: BodyLimits = { maxBodyBytes: Number.MAX_SAFE_INTEGER, idleTimeoutMs: 2 ** 31 - 1 };

const unavailable = (cause?: unknown) =>
  new GatewayError({
    status: 502,
    code: "FLUX-GW-UPSTREAM-UNAVAILABLE",
    message: "The data API behind the gateway could not be reached",
    hint: "Retry shortly; if it persists, check that the rest process is running (`flux doctor`)",
    cause,
  });
const timedOut = (cause?: unknown) =>
  new GatewayError({
    status: 504,
    code: "FLUX-GW-UPSTREAM-TIMEOUT",
    message: "The data API did not answer in time",
    hint: "Retry; long queries may need an index or a smaller page (Range / limit)",
    cause,
  });

type Method = "GET" | "HEAD" | "POST" | "PUT" | "PATCH" | "DELETE" | "OPTIONS";

/**
 * Resolves when the response has been fully relayed; rejects with a GatewayError (502/504, or the body's own
 * 413/408) only while nothing has been sent to the client yet — after that, a failure can only cut the response
 * short. The upstream connect and read timeouts are the pool's (upstream-pool.ts).
 */
export async function proxyToRest(
  req: IncomingMessage,
  res: ServerResponse,
  upstream: Upstream,
  identity: UpstreamIdentity,
  options: ProxyOptions = {},
): Promise<void> {
  // A client that goes away takes its upstream request with it, so rest stops working for nobody. undici takes
  // an EventEmitter that emits "abort" as its signal: cheaper per request than an AbortController.
  // The listener stays after a finished response: "close" then finds it finished and does nothing.
  const abort = new EventEmitter();
  let aborted = false;
  res.once("close", () => {
    if (res.writableFinished) return;
    aborted = true;
    abort.emit("abort");
  });
  let body: Readable | null = null;
  let bodyError: GatewayError | undefined;
  // Most requests carry no body (GET, HEAD, DELETE): nothing to pipe.
  if (hasBody(req)) {
    body = limitedBody(req, options.body ?? UNLIMITED_BODY);
    body.on("error", (error) => {
      bodyError = error instanceof GatewayError ? error : unavailable(error);
    });
  }
  try {
    await upstream.pool.stream(
      {
        method: (req.method ?? "GET") as Method,
        path: upstreamPath(upstream.url, req.url ?? "/"),
        headers: upstreamRequestHeaders(req, identity, options.forward),
        body,
        signal: abort,
      },
      ({ statusCode, headers }) => {
        res.writeHead(statusCode, clientResponseHeaders(headers, identity.bridgeToken));
        return res;
      },
    );
  } catch (error) {
    if (res.headersSent) {
      res.destroy();
      return;
    }
    if (aborted) return;
    throw bodyError ?? classify(error);
  }
}

/** undici's failures, in the gateway's terms: no answer in time is a 504, anything else a 502. */
function classify(error: unknown): GatewayError {
  if (error instanceof undiciErrors.HeadersTimeoutError || error instanceof undiciErrors.BodyTimeoutError)
    return timedOut(error);
  return unavailable(error);
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
