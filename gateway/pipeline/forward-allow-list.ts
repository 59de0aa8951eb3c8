// Part of step 6 — which client header names an operator may put on the forwarding allow-list.

/** Headers the gateway sets itself upstream; a client value must never be passed through in their place. */
export const GATEWAY_OWNED_HEADERS = new Set([
  "host",
  "authorization",
  "accept-profile",
  "content-profile",
  "x-request-id",
  "x-forwarded-for",
  "x-forwarded-host",
  "x-forwarded-proto",
  "forwarded",
]);

export const HOP_BY_HOP_HEADERS = new Set([
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

/** Credential-style names: exact ones, and any name that reads like one (x-auth-token, x-session-id, …). */
const CREDENTIAL_NAMES = new Set([
  "cookie",
  "set-cookie",
  "authorization",
  "proxy-authorization",
  "x-api-key",
  "apikey",
]);
const CREDENTIAL_PATTERN = /auth|token|secret|session|cookie|api-?key|password|credential/;

/** The names in `names` that may never be forwarded; empty when the list is acceptable. */
export function refusedForwardHeaders(names: readonly string[]): string[] {
  return names.filter(
    (name) =>
      CREDENTIAL_NAMES.has(name) ||
      CREDENTIAL_PATTERN.test(name) ||
      HOP_BY_HOP_HEADERS.has(name) ||
      GATEWAY_OWNED_HEADERS.has(name),
  );
}
