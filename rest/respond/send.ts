import type { ServerResponse } from "node:http";
import { guideLink } from "@/lib/troubleshoot/catalogue";
import type { RestError } from "./rest-error";

export const JSON_CONTENT_TYPE = "application/json; charset=utf-8";

export type JsonReply = {
  status: number;
  /** Already-serialised JSON or CSV (PostgreSQL builds it), or null for an empty body. */
  body: string | null;
  headers?: Record<string, string>;
  /** Content-Type of a non-empty body; JSON when absent. */
  contentType?: string;
};

/** Writes a reply; HEAD gets the same status and headers without the body, as HTTP requires. */
export function sendReply(res: ServerResponse, reply: JsonReply, omitBody: boolean): void {
  const headers: Record<string, string | number> = { ...reply.headers };
  if (reply.body !== null) {
    headers["Content-Type"] = reply.contentType ?? JSON_CONTENT_TYPE;
    headers["Content-Length"] = Buffer.byteLength(reply.body);
  } else {
    headers["Content-Length"] = 0;
  }
  res.writeHead(reply.status, headers);
  res.end(omitBody || reply.body === null ? undefined : reply.body);
}

/** The body stays exactly PostgREST's four fields; the guide link travels in a `Link` header. */
export function sendError(res: ServerResponse, error: RestError, omitBody: boolean, guideUrl?: string): void {
  const link = guideUrl ? guideLink(guideUrl, error.code) : null;
  const headers = link ? { ...error.headers, Link: `<${link}>; rel="help"` } : error.headers;
  sendReply(res, { status: error.status, body: JSON.stringify(error.toBody()), headers }, omitBody);
}

/**
 * `Content-Range` as PostgREST sends it: `<first>-<last>/<total>`, `*` for the range when the page is empty or
 * the total is 0, and `*` for the total when none was counted (`0-9/*`, `*\/0`, `*\/*`).
 */
export function contentRange(offset: number, rowCount: number, total: number | null = null): string {
  const range = rowCount > 0 && total !== 0 ? `${offset}-${offset + rowCount - 1}` : "*";
  return `${range}/${total === null ? "*" : total}`;
}
