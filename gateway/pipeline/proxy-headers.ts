// Part of step 6 — decide, by allow-list, which headers cross the gateway in each direction.
import type { IncomingHttpHeaders, IncomingMessage, OutgoingHttpHeaders } from "node:http";

/**
 * Only these client headers reach rest. An allow-list rather than a deny-list: a credential header nobody
 * thought of (Cookie, Proxy-Authorization, X-Api-Key, a forged X-Forwarded-*) is dropped by default.
 */
export const FORWARDED_REQUEST_HEADERS = [
  "accept",
  "content-type",
  "content-length",
  "prefer",
  "range",
  "range-unit",
  "if-none-match",
] as const;

const HOP_BY_HOP = new Set([
  "connection",
  "keep-alive",
  "proxy-authenticate",
  "proxy-authorization",
  "proxy-connection",
  "te",
  "trailer",
  "transfer-encoding",
  "upgrade",
]);

export type UpstreamIdentity = {
  bridgeToken: string;
  schema: string;
  requestId: string;
  publicScheme: "http" | "https";
};

/** Builds the upstream request headers from scratch; the gateway's own values always overwrite the client's. */
export function upstreamRequestHeaders(req: IncomingMessage, identity: UpstreamIdentity): Record<string, string | string[]> {
  const headers: Record<string, string | string[]> = {};
  for (const name of FORWARDED_REQUEST_HEADERS) {
    const value = req.headers[name];
    if (value !== undefined) headers[name] = value;
  }
  headers["authorization"] = `Bearer ${identity.bridgeToken}`;
  headers["accept-profile"] = identity.schema;
  headers["content-profile"] = identity.schema;
  headers["x-request-id"] = identity.requestId;
  headers["x-forwarded-for"] = req.socket.remoteAddress ?? "unknown";
  headers["x-forwarded-host"] = req.headers.host ?? "";
  headers["x-forwarded-proto"] = identity.publicScheme;
  return headers;
}

/**
 * rest's response headers minus hop-by-hop ones, minus the upstream's X-Request-ID (the gateway's is already
 * set), and minus any header that would echo the bridge token back to the client.
 */
export function clientResponseHeaders(upstream: IncomingHttpHeaders, bridgeToken: string): OutgoingHttpHeaders {
  const connectionListed = new Set(
    String(upstream.connection ?? "")
      .split(",")
      .map((name) => name.trim().toLowerCase()),
  );
  const headers: OutgoingHttpHeaders = {};
  for (const [name, value] of Object.entries(upstream)) {
    if (value === undefined || HOP_BY_HOP.has(name) || connectionListed.has(name) || name === "x-request-id") continue;
    const text = Array.isArray(value) ? value.join("\n") : value;
    if (text.includes(bridgeToken)) continue;
    headers[name] = value;
  }
  return headers;
}
