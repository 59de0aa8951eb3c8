// Step 1c — refuse what is too big before any work is done: a huge URL (414) or a declared huge body (413).
import type { IncomingMessage } from "node:http";
import { GatewayError } from "../errors";

export type RequestLimits = { maxUrlBytes: number; maxBodyBytes: number };

/** Content-Length is checked up front; a chunked body is counted as it streams (body-limit.ts). */
export function checkRequestLimits(req: IncomingMessage, limits: RequestLimits): void {
  if (Buffer.byteLength(req.url ?? "") > limits.maxUrlBytes) {
    throw new GatewayError({
      status: 414,
      code: "FLUX-GW-URL-TOO-LONG",
      message: `The request URL is longer than ${limits.maxUrlBytes} bytes`,
      hint: "Send long filters in an RPC body (POST /rpc/<function>) instead of the query string",
      headers: { Connection: "close" },
    });
  }
  const declared = Number(req.headers["content-length"] ?? 0);
  if (declared > limits.maxBodyBytes) throw bodyTooLarge(limits.maxBodyBytes);
}

export function bodyTooLarge(maxBodyBytes: number): GatewayError {
  return new GatewayError({
    status: 413,
    code: "FLUX-GW-BODY-TOO-LARGE",
    message: `The request body is larger than ${maxBodyBytes} bytes`,
    hint: "Split the write into smaller batches, or raise FLUX_BODY_LIMIT_BYTES",
    // The unread rest of the body must not be parsed as a next request on this connection.
    headers: { Connection: "close" },
  });
}
