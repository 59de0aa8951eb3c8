// Part of step 6 — decide, by allow-list, which headers cross the gateway in each direction.
import type { IncomingHttpHeaders, IncomingMessage, OutgoingHttpHeaders } from "node:http";
import { HOP_BY_HOP_HEADERS } from "./forward-allow-list";

/**
 * The default client headers that reach rest (FLUX_GATEWAY_FORWARD_HEADERS replaces it). An allow-list rather
 * than a deny-list: a credential header nobody thought of (Cookie, X-Api-Key, a forged X-Forwarded-*) is dropped
 * by default, and config refuses credential-style names even when an operator lists them.
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

export type UpstreamIdentity = {
  bridgeToken: string;
  schema: string;
  requestId: string;
  publicScheme: "http" | "https";
};

export type ForwardPolicy = {
  /** Lower-case header names copied from the client. */
  allowList: readonly string[];
  /** FLUX_TRUST_PROXY: keep the client's X-Forwarded-For / -Proto (a trusted proxy set them). */
  trustProxy: boolean;
};

const DEFAULT_POLICY: ForwardPolicy = { allowList: FORWARDED_REQUEST_HEADERS, trustProxy: false };

/** Builds the upstream request headers from scratch; the gateway's own values always overwrite the client's. */
export function upstreamRequestHeaders(
  req: IncomingMessage,
  identity: UpstreamIdentity,
  policy: ForwardPolicy = DEFAULT_POLICY,
): Record<string, string | string[]> {
  const headers: Record<string, string | string[]> = {};
  for (const name of policy.allowList) {
    const value = req.headers[name];
    if (value !== undefined) headers[name] = value;
  }
  headers["authorization"] = `Bearer ${identity.bridgeToken}`;
  headers["accept-profile"] = identity.schema;
  headers["content-profile"] = identity.schema;
  headers["x-request-id"] = identity.requestId;
  Object.assign(headers, forwardedFor(req, identity.publicScheme, policy.trustProxy));
  return headers;
}

/** Without a trusted proxy in front, the gateway is the edge: the peer address is the client. */
function forwardedFor(
  req: IncomingMessage,
  publicScheme: "http" | "https",
  trustProxy: boolean,
): Record<string, string> {
  const peer = req.socket.remoteAddress ?? "unknown";
  const clientFor = single(req.headers["x-forwarded-for"]);
  const clientProto = single(req.headers["x-forwarded-proto"]);
  return {
    "x-forwarded-for": trustProxy && clientFor ? `${clientFor}, ${peer}` : peer,
    "x-forwarded-host": req.headers.host ?? "",
    "x-forwarded-proto": trustProxy && (clientProto === "http" || clientProto === "https") ? clientProto : publicScheme,
  };
}

function single(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value.join(", ") : value;
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
    if (value === undefined || HOP_BY_HOP_HEADERS.has(name) || connectionListed.has(name) || name === "x-request-id")
      continue;
    const text = Array.isArray(value) ? value.join("\n") : value;
    if (text.includes(bridgeToken)) continue;
    headers[name] = value;
  }
  return headers;
}
