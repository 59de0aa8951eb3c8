import { quoteIdent } from "@/lib/engines/sql";
import type { Statement } from "./statement";

export type RequestContext = {
  schema: string;
  claims: Record<string, unknown>;
  method: string;
  path: string;
  headers: Record<string, string>;
  /** The plan's statement timeout (ms): the ceiling, whatever the role's own default says. */
  statementTimeoutMs: number;
};

/**
 * The per-request settings, all transaction-local (`is_local = true`) so nothing outlives the request's
 * transaction — required under PgBouncer transaction pooling. The role is never set here: the connection is
 * already logged in as the tenant's own role. The statement timeout comes from the plan (the transaction runner
 * has already run `reset all`, so nothing a previous request left at session level survives). `response.status` / `response.headers` start empty here and are
 * read back before COMMIT (run-request-transaction.ts).
 */
export function buildPreamble(context: RequestContext): Statement {
  return {
    text:
      "select set_config('search_path', $1, true), set_config('request.jwt.claims', $2, true), " +
      "set_config('request.method', $3, true), set_config('request.path', $4, true), " +
      "set_config('request.headers', $5, true), " +
      // The plan's timeout (ms), or the role's own default when that is stricter (0 means none): after
      // `reset all`, current_setting reads the role's login default, which a tenant may lower but never raise.
      "set_config('statement_timeout', least(coalesce(nullif(extract(epoch from " +
      "current_setting('statement_timeout')::interval) * 1000, 0), $6::numeric), $6::numeric)::bigint || 'ms', true), " +
      // Shadows any session-level value a function may have left on the pooled connection with is_local = false.
      "set_config('response.status', '', true), set_config('response.headers', '', true)",
    values: [
      quoteIdent(context.schema),
      JSON.stringify(context.claims),
      context.method,
      context.path,
      JSON.stringify(context.headers),
      String(Math.trunc(context.statementTimeoutMs)),
    ],
  };
}
