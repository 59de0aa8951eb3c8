import type pg from "pg";
import type { Statement } from "@/rest/sql/statement";

export type StatementResult = { rows: Array<Record<string, unknown>>; rowCount: number };

export type TransactionEnd = "commit" | "rollback";
/**
 * How the transaction ends: known up front (sent in the same round trip), or decided from the statement's
 * result (one more round trip, e.g. a singular write that must be undone when it touched more than one row).
 */
export type Finish = TransactionEnd | ((result: StatementResult) => TransactionEnd);

/**
 * BEGIN, the settings preamble, the statement and COMMIT, written together on a pipelined client: the whole
 * transaction costs one network round trip. If the statement fails, PostgreSQL answers the queued COMMIT
 * with ROLLBACK, so the connection always comes back idle and clean. The client is destroyed instead of
 * returned whenever that cannot be guaranteed (a broken connection, a failure outside the statement).
 */
export async function runRequestTransaction(
  client: pg.PoolClient,
  preamble: Statement,
  statement: Statement,
  finish: Finish = "commit",
): Promise<StatementResult> {
  const queued = [client.query("begin"), client.query(preamble.text, preamble.values), client.query(statement.text, statement.values)];
  const upFront = typeof finish === "string" ? client.query(finish) : null;
  const [begin, settings, main] = await Promise.allSettled(queued);
  let wanted: TransactionEnd = "rollback";
  if (typeof finish === "string") wanted = finish;
  else if (main?.status === "fulfilled") wanted = finish(toResult(main.value));
  const [end] = await Promise.allSettled([upFront ?? client.query(wanted)]);
  const clean = begin?.status === "fulfilled" && settings?.status === "fulfilled" && end?.status === "fulfilled";
  if (!clean || !main || !end) {
    client.release(true);
    throw firstFailure([begin, settings, end, main]);
  }
  client.release();
  if (main.status === "rejected") throw main.reason;
  const command = end.status === "fulfilled" ? end.value.command : "";
  if (command !== wanted.toUpperCase()) throw new Error(`The transaction ended with ${command}, not ${wanted.toUpperCase()}`);
  return toResult(main.value);
}

const toResult = (result: pg.QueryResult): StatementResult => ({
  rows: result.rows as Array<Record<string, unknown>>,
  rowCount: result.rowCount ?? 0,
});

function firstFailure(results: Array<PromiseSettledResult<unknown> | undefined>): unknown {
  const failed = results.find((result): result is PromiseRejectedResult => result?.status === "rejected");
  return failed ? failed.reason : new Error("The request transaction failed without an error");
}
