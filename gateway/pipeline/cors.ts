// Step 2b — let browser apps call the Service URL: answer CORS preflights per project, expose PostgREST's headers.
import type { IncomingMessage, ServerResponse } from "node:http";
import { GatewayError } from "../errors";

/**
 * A project with no corsOrigins allows any origin (`*`): the gateway authenticates with a bearer token, never a
 * cookie, so a foreign origin gains nothing a token-holding script could not already do. A project that lists
 * origins gets exactly those echoed back. Preflights carry no Authorization by design, so they are answered
 * after resolve-host but before verify-jwt, and never reach rest.
 */
const ALLOW_HEADERS =
  "authorization, accept, content-type, prefer, range, range-unit, if-none-match, x-request-id, accept-profile, content-profile, x-client-info, apikey";
const EXPOSE_HEADERS =
  "content-range, content-location, location, preference-applied, range-unit, x-request-id, retry-after, ratelimit-limit, ratelimit-remaining, ratelimit-reset";

/** Returns true when the request was a preflight and has been answered. */
export function applyCors(req: IncomingMessage, res: ServerResponse, corsOrigins: readonly string[] = []): boolean {
  const origin = req.headers.origin;
  if (origin === undefined) return false;
  const isPreflight = req.method === "OPTIONS" && req.headers["access-control-request-method"] !== undefined;
  const allowed = corsOrigins.length === 0 || corsOrigins.includes(origin);
  if (!allowed) {
    if (!isPreflight) return false;
    throw new GatewayError({
      status: 403,
      code: "FLUX-GW-CORS-ORIGIN",
      message: `The origin '${origin.replace(/[^\x20-\x7e]/g, "?").slice(0, 100)}' is not allowed to call this project`,
      hint: "Add the origin to the project's CORS origins in the dashboard",
    });
  }
  res.setHeader("Access-Control-Allow-Origin", corsOrigins.length === 0 ? "*" : origin);
  if (corsOrigins.length > 0) res.setHeader("Vary", "Origin");
  res.setHeader("Access-Control-Expose-Headers", EXPOSE_HEADERS);
  if (!isPreflight) return false;
  res.writeHead(204, {
    "Access-Control-Allow-Methods": "GET, HEAD, POST, PATCH, PUT, DELETE, OPTIONS",
    "Access-Control-Allow-Headers": ALLOW_HEADERS,
    "Access-Control-Max-Age": "600",
    Vary: "Origin",
  });
  res.end();
  return true;
}
