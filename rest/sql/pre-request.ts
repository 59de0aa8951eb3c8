import { quoteIdent } from "@/lib/engines/sql";
import type { SchemaSnapshot } from "@/rest/schema-cache/types";
import type { Statement } from "./statement";

/**
 * PostgREST's db-pre-request, opted into by name (docs/decisions/0008): a function `flux_pre_request()` in
 * the tenant's schema, callable without arguments, runs in every request's transaction before its
 * statement. It can raise to refuse the request or set `response.headers` / `response.status`.
 */
export const PRE_REQUEST_FUNCTION = "flux_pre_request";

export function preRequestCall(snapshot: SchemaSnapshot): Statement | null {
  const overloads = snapshot.functions.get(PRE_REQUEST_FUNCTION) ?? [];
  if (!overloads.some((fn) => fn.params.every((p) => !p.required))) return null;
  return { text: `select ${quoteIdent(snapshot.schema)}.${quoteIdent(PRE_REQUEST_FUNCTION)}()`, values: [] };
}
