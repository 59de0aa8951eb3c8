// Step 1b — let browser apps call the Service URL: answer CORS preflights, expose PostgREST's response headers.
import type { IncomingMessage, ServerResponse } from "node:http";

/**
 * `*` is safe here because the gateway authenticates with a bearer token, never a cookie: a foreign origin
 * gains nothing a token-holding script could not already do. Preflights carry no Authorization by design,
 * so they are answered before verify-jwt and never reach rest.
 */
const ALLOW_HEADERS = "authorization, accept, content-type, prefer, range, range-unit, if-none-match, x-request-id, accept-profile, content-profile, x-client-info, apikey";
const EXPOSE_HEADERS = "content-range, content-location, location, preference-applied, range-unit, x-request-id, retry-after, ratelimit-limit, ratelimit-remaining, ratelimit-reset";

/** Returns true when the request was a preflight and has been answered. */
export function applyCors(req: IncomingMessage, res: ServerResponse): boolean {
  if (req.headers.origin === undefined) return false;
  res.setHeader("Access-Control-Allow-Origin", "*");
  res.setHeader("Access-Control-Expose-Headers", EXPOSE_HEADERS);
  if (req.method !== "OPTIONS" || req.headers["access-control-request-method"] === undefined) return false;
  res.writeHead(204, {
    "Access-Control-Allow-Methods": "GET, HEAD, POST, PATCH, PUT, DELETE, OPTIONS",
    "Access-Control-Allow-Headers": ALLOW_HEADERS,
    "Access-Control-Max-Age": "600",
    Vary: "Origin",
  });
  res.end();
  return true;
}
