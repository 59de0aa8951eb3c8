import { quoteIdent } from "@/lib/engines/sql";
import { inRolledBackTransaction } from "./read-only-session";
import type { DiagnosisContext } from "./types";

/** Rows looked at on each side; enough to tell "none" from "some", cheap on any table. */
export const REPLAY_ROW_CAP = 10_000;

/**
 * Counts rows the tenant role sees with the token's claims (N: logged in as the tenant API role, the way the
 * data API connects, so tenant policy code runs with tenant privileges only) and rows that exist (M: catalog
 * superuser on a base table, where a plain count runs no tenant code). Both in read-only transactions that are
 * rolled back, bounded by statement_timeout and a LIMIT.
 */
export async function replayRead(
  ctx: DiagnosisContext,
  table: string,
  claims: Record<string, unknown>,
): Promise<{ visible: number; total: number }> {
  const qualified = `${quoteIdent(ctx.ids.schema)}.${quoteIdent(table)}`;
  const count = `select count(*)::int as n from (select 1 from ${qualified} limit ${REPLAY_ROW_CAP}) capped`;
  const total = await inRolledBackTransaction(
    ctx.tenantAdminUrl,
    async (client) => (await client.query<{ n: number }>(count)).rows[0]?.n ?? 0,
  );
  const visible = await inRolledBackTransaction(ctx.apiDatabaseUrl, async (client) => {
    await client.query(
      // The same transaction-local settings the data API sets (rest/sql/build-preamble.ts).
      "select set_config('search_path', $1, true), set_config('request.jwt.claims', $2, true), set_config('request.method', 'GET', true), set_config('request.path', $3, true), set_config('request.headers', '{}', true)",
      [quoteIdent(ctx.ids.schema), JSON.stringify(claims), ctx.request.path],
    );
    return (await client.query<{ n: number }>(count)).rows[0]?.n ?? 0;
  });
  return { visible, total };
}
