import type { ServerResponse } from "node:http";
import { guideLink } from "@/lib/troubleshoot/catalogue";

/**
 * A refusal the gateway answers itself, in PostgREST's error shape so existing clients parse it. The codes are
 * Flux's own (FLUX-GW-*) and listed in gateway/README.md.
 */
export class GatewayError extends Error {
  readonly status: number;
  readonly code: string;
  readonly hint: string | null;
  readonly details: string | null;
  /** Extra response headers (Retry-After, RateLimit-*) that explain the refusal. */
  readonly headers: Record<string, string>;

  constructor(input: {
    status: number;
    code: string;
    message: string;
    hint?: string | null;
    details?: string | null;
    headers?: Record<string, string>;
    /** The underlying failure, for the log only; never sent to the client. */
    cause?: unknown;
  }) {
    super(input.message, input.cause === undefined ? undefined : { cause: input.cause });
    this.name = "GatewayError";
    this.status = input.status;
    this.code = input.code;
    this.hint = input.hint ?? null;
    this.details = input.details ?? null;
    this.headers = input.headers ?? {};
  }
}

/** PostgREST's four fields, plus `link`: the troubleshooting guide's entry for the code (gateway bodies only). */
export type ErrorBody = { code: string; message: string; details: string | null; hint: string | null; link?: string };

/** Unknown failures never leak their message: the client gets a generic body, the log gets the cause. */
export function toGatewayError(error: unknown): GatewayError {
  if (error instanceof GatewayError) return error;
  return new GatewayError({
    status: 500,
    code: "FLUX-GW-INTERNAL",
    message: "The gateway failed to handle this request",
    hint: "Retry; if it keeps failing, quote the X-Request-ID to support",
  });
}

export function sendError(res: ServerResponse, error: GatewayError, guideUrl?: string): void {
  if (res.headersSent) {
    res.destroy();
    return;
  }
  const link = guideUrl ? guideLink(guideUrl, error.code) : null;
  // PGRST* answers the gateway gives on rest's behalf (PGRST106) keep PostgREST's exact body: header only.
  const inBody = link !== null && error.code.startsWith("FLUX-GW-");
  const body: ErrorBody = {
    code: error.code,
    message: error.message,
    details: error.details,
    hint: error.hint,
    ...(inBody ? { link } : {}),
  };
  sendJson(res, error.status, body, link ? { ...error.headers, Link: `<${link}>; rel="help"` } : error.headers);
}

export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  const payload = JSON.stringify(body);
  res.writeHead(status, {
    ...headers,
    "Content-Type": "application/json; charset=utf-8",
    "Content-Length": Buffer.byteLength(payload),
    "Cache-Control": "no-store",
  });
  res.end(res.req.method === "HEAD" ? undefined : payload);
}
