import type { IncomingHttpHeaders } from "node:http";

/** Credentials never reach SQL: request.headers is readable by any function the tenant writes. */
const WITHHELD = new Set(["authorization", "cookie", "proxy-authorization"]);

/** The request headers as PostgREST exposes them in `request.headers`: lower-case names, one string each. */
export function headersForSql(headers: IncomingHttpHeaders): Record<string, string> {
  const result: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined || WITHHELD.has(name)) continue;
    result[name] = Array.isArray(value) ? value.join(", ") : value;
  }
  return result;
}
