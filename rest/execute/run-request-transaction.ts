import type pg from "pg";
import type { Statement } from "@/rest/sql/statement";

/** What SQL asked of the reply through `response.status` / `response.headers` (raw; checked by the caller). */
export type SqlResponseSettings = { status: string | null; headers: string | null };

export type StatementResult = { rows: Array<Record<string, unknown>>; rowCount: number; response: SqlResponseSettings };

export type TransactionOptions = {
  /** GET/HEAD and calls of STABLE/IMMUTABLE functions: PostgreSQL refuses writes with 25006. */
  readOnly?: boolean;
  /** The tenant's pre-request function call, run after the settings and before the statement. */
  preRequest?: Statement | null;
};

// Read in the same transaction, after the statement, so values a function set are still visible.
const RESPONSE_SETTINGS =
  "select nullif(current_setting('response.status', true), '') as status, " +
  "nullif(current_setting('response.headers', true), '') as headers";

/**
 * BEGIN, the settings preamble, the optional pre-request call, the statement, the response settings and
 * COMMIT, written together on a pipelined client: the whole transaction costs one network round trip. If
 * anything fails, PostgreSQL answers the queued COMMIT with ROLLBACK, so the connection always comes back
 * idle and clean. The client is destroyed instead of returned whenever that cannot be guaranteed.
 */
export async function runRequestTransaction(
  client: pg.PoolClient,
  preamble: Statement,
  statement: Statement,
  options: TransactionOptions = {},
): Promise<StatementResult> {
  const work: Statement[] = [...(options.preRequest ? [options.preRequest] : []), statement];
  const [begin, settings, ...rest] = await Promise.allSettled([
    client.query(options.readOnly ? "begin read only" : "begin"),
    client.query(preamble.text, preamble.values),
    ...work.map((step) => client.query(step.text, step.values)),
    client.query(RESPONSE_SETTINGS),
    client.query("commit"),
  ]);
  const commit = rest.pop();
  const response = rest.pop();
  const main = rest.pop();
  const clean = begin?.status === "fulfilled" && settings?.status === "fulfilled" && commit?.status === "fulfilled";
  if (!clean || !main || !response || !commit) {
    client.release(true);
    throw firstFailure([begin, settings, commit, ...rest, main]);
  }
  client.release();
  // The pre-request function's failure is the request's failure, reported before the statement's.
  const failed = [...rest, main, response].find((result) => result.status === "rejected");
  if (failed?.status === "rejected") throw failed.reason;
  if (main.status !== "fulfilled" || response.status !== "fulfilled") throw new Error("unreachable: checked above");
  if (commit.status !== "fulfilled" || commit.value.command !== "COMMIT") {
    throw new Error(`The transaction ended with ${commit.status === "fulfilled" ? commit.value.command : "an error"}, not COMMIT`);
  }
  const settingsRow = (response.value.rows[0] ?? {}) as Partial<SqlResponseSettings>;
  return {
    rows: main.value.rows as Array<Record<string, unknown>>,
    rowCount: main.value.rowCount ?? 0,
    response: { status: settingsRow.status ?? null, headers: settingsRow.headers ?? null },
  };
}

function firstFailure(results: Array<PromiseSettledResult<unknown> | undefined>): unknown {
  const failed = results.find((result): result is PromiseRejectedResult => result?.status === "rejected");
  return failed ? failed.reason : new Error("The request transaction failed without an error");
}
