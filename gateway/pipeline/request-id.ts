// Step 1 — give every request one id (the client's, when sane) and return it on every response.
import { randomUUID } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";

const SANE_REQUEST_ID = /^[A-Za-z0-9._-]{1,128}$/;

/**
 * A client-chosen id is kept so a trace can be followed from the app, but only when it is short and plain:
 * anything else (header injection, log forging, megabyte ids) is replaced by a fresh UUID.
 */
export function assignRequestId(req: IncomingMessage, res: ServerResponse): string {
  const incoming = req.headers["x-request-id"];
  const candidate = Array.isArray(incoming) ? undefined : incoming;
  const requestId = candidate !== undefined && SANE_REQUEST_ID.test(candidate) ? candidate : randomUUID();
  res.setHeader("X-Request-ID", requestId);
  return requestId;
}
