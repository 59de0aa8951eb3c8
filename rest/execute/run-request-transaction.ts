import type pg from "pg";
import type { Statement } from "@/rest/sql/statement";

export type StatementResult = {
  rows: Array<Record<string, unknown>>;
  rowCount: number;
  /** Rows of the statement's `followUps`, in order (e.g. the EXPLAIN behind a planned count). */
  followUps: Array<Array<Record<string, unknown>>>;
};

/**
 * BEGIN, the settings preamble, the statement and COMMIT, written together on a pipelined client: the whole
 * transaction costs one network round trip. If the statement fails, PostgreSQL answers the queued COMMIT
 * with ROLLBACK, so the connection always comes back idle and clean. The client is destroyed instead of
 * returned whenever that cannot be guaranteed (a broken connection, a failure outside the statement).
 */
export async function runRequestTransaction(
  client: pg.PoolClient,
  preamble: Statement,
  statement: Statement & { followUps?: Statement[] },
): Promise<StatementResult> {
  const followUps = statement.followUps ?? [];
  const settled = await Promise.allSettled([
    client.query("begin"),
    client.query(preamble.text, preamble.values),
    client.query(statement.text, statement.values),
    ...followUps.map((followUp) => client.query(followUp.text, followUp.values)),
    client.query("commit"),
  ]);
  const [begin, settings, main] = settled;
  const commit = settled.at(-1);
  const extra = settled.slice(3, -1);
  if (begin?.status !== "fulfilled" || settings?.status !== "fulfilled" || commit?.status !== "fulfilled" || !main) {
    client.release(true);
    throw firstFailure(settled);
  }
  client.release();
  if (main.status === "rejected") throw main.reason;
  const failedFollowUp = extra.find((result) => result.status === "rejected");
  if (failedFollowUp) throw failedFollowUp.reason;
  if (commit.value.command !== "COMMIT") throw new Error(`The transaction ended with ${commit.value.command}, not COMMIT`);
  return {
    rows: main.value.rows as Array<Record<string, unknown>>,
    rowCount: main.value.rowCount ?? 0,
    followUps: extra.map((result) => (result.status === "fulfilled" ? (result.value.rows as Array<Record<string, unknown>>) : [])),
  };
}

function firstFailure(results: Array<PromiseSettledResult<unknown>>): unknown {
  const failed = results.find((result): result is PromiseRejectedResult => result.status === "rejected");
  return failed ? failed.reason : new Error("The request transaction failed without an error");
}
