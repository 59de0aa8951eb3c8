import type pg from "pg";
import type { Statement } from "@/rest/sql/statement";
import { armRequestDeadline, statementTimedOut } from "./request-deadline";

/** What SQL asked of the reply through `response.status` / `response.headers` (raw; checked by the caller). */
export type SqlResponseSettings = { status: string | null; headers: string | null };

export type StatementResult = {
  rows: Array<Record<string, unknown>>;
  rowCount: number;
  /** Rows of the statement's `followUps`, in order (e.g. the EXPLAIN behind a planned count). */
  followUps: Array<Array<Record<string, unknown>>>;
  response: SqlResponseSettings;
};

export type TransactionEnd = "commit" | "rollback";
/**
 * How the transaction ends: known up front (sent in the same round trip), or decided from the statement's
 * result (one more round trip, e.g. a singular write that must be undone when it touched more than one row).
 */
export type Finish = TransactionEnd | ((result: StatementResult) => TransactionEnd);

export type TransactionOptions = {
  /** GET/HEAD and calls of STABLE/IMMUTABLE functions: PostgreSQL refuses writes with 25006. */
  readOnly?: boolean;
  /** The tenant's pre-request function call, run after the settings and before the statement. */
  preRequest?: Statement | null;
  finish?: Finish;
  /**
   * Wall-clock bound (ms) on the whole transaction: past it the backend is cancelled and the request answers
   * 57014, even if tenant SQL lifted its statement_timeout with `SET LOCAL` (see request-deadline.ts).
   */
  deadlineMs?: number;
};

// Read in the same transaction, after the statement, so values a function set are still visible.
const RESPONSE_SETTINGS =
  "select nullif(current_setting('response.status', true), '') as status, " +
  "nullif(current_setting('response.headers', true), '') as headers";

type Settled = PromiseSettledResult<pg.QueryResult>;

/**
 * Explicit isolation and access mode, so session defaults a tenant function left behind
 * (`default_transaction_read_only`, `default_transaction_isolation`) cannot shape the next request.
 */
const BEGIN_READ_ONLY = "begin isolation level read committed read only";
const BEGIN_READ_WRITE = "begin isolation level read committed read write";

/**
 * Back to the role's login defaults inside the transaction: a function may have run
 * `set_config('statement_timeout', '0', false)` on this pooled connection in an earlier request. Inside the
 * transaction so that, behind PgBouncer in transaction mode, it runs on the server connection this request holds.
 */
const RESET_SESSION = "reset all";

/**
 * BEGIN, `reset all`, the settings preamble, the optional pre-request call, the statement (and its follow-ups), the
 * response settings and COMMIT, written together on a pipelined client: the whole transaction costs one network
 * round trip. If anything fails, PostgreSQL answers the queued COMMIT with ROLLBACK, so the connection always
 * comes back idle and clean. The client is destroyed instead of returned whenever that cannot be guaranteed.
 */
export async function runRequestTransaction(
  client: pg.PoolClient,
  preamble: Statement,
  statement: Statement & { followUps?: Statement[] },
  options: TransactionOptions = {},
): Promise<StatementResult> {
  const finish = options.finish ?? "commit";
  const followUps = statement.followUps ?? [];
  const pre = options.preRequest ? [options.preRequest] : [];
  const deadline = options.deadlineMs === undefined ? null : armRequestDeadline(client, options.deadlineMs);
  // Corked: the pipelined messages leave in one write instead of one syscall per protocol message.
  const socket = client.connection.stream;
  socket.cork();
  const queued = [
    client.query(options.readOnly ? BEGIN_READ_ONLY : BEGIN_READ_WRITE),
    client.query(RESET_SESSION),
    client.query(preamble.text, preamble.values),
    ...pre.map((step) => client.query(step.text, step.values)),
    client.query(statement.text, statement.values),
    ...followUps.map((step) => client.query(step.text, step.values)),
    client.query(RESPONSE_SETTINGS),
  ];
  const upFront = typeof finish === "string" ? client.query(finish) : null;
  socket.uncork();
  const settled: Settled[] = await Promise.allSettled(queued);
  const [begin, reset, settings] = settled;
  const preRequest = settled.slice(3, 3 + pre.length);
  const main = settled[3 + pre.length];
  const extra = settled.slice(4 + pre.length, -1);
  const response = settled.at(-1);

  let wanted: TransactionEnd = "rollback";
  if (typeof finish === "string") wanted = finish;
  else if (main?.status === "fulfilled" && response?.status === "fulfilled") {
    wanted = finish(toResult(main.value, extra, response.value));
  }
  const [end] = await Promise.allSettled([upFront ?? client.query(wanted)]);
  deadline?.disarm();
  if (deadline?.fired) {
    // A cancel may still be in flight: this connection must not serve anyone else.
    client.release(true);
    if ([...settled, end].some((result) => result?.status === "rejected")) throw statementTimedOut();
  } else if (
    begin?.status !== "fulfilled" ||
    reset?.status !== "fulfilled" ||
    settings?.status !== "fulfilled" ||
    end?.status !== "fulfilled" ||
    !main ||
    !response
  ) {
    client.release(true);
    throw firstFailure([begin, reset, settings, end, ...preRequest, main]);
  } else client.release();
  if (end?.status !== "fulfilled" || !main || !response) throw new Error("unreachable: checked above");
  // The pre-request function's failure is the request's failure, reported before the statement's.
  const failed = [...preRequest, main, ...extra, response].find((result) => result.status === "rejected");
  if (failed?.status === "rejected") throw failed.reason;
  if (main.status !== "fulfilled" || response.status !== "fulfilled") throw new Error("unreachable: checked above");
  if (end.value.command !== wanted.toUpperCase()) {
    throw new Error(`The transaction ended with ${end.value.command}, not ${wanted.toUpperCase()}`);
  }
  return toResult(main.value, extra, response.value);
}

function toResult(main: pg.QueryResult, extra: Settled[], response: pg.QueryResult): StatementResult {
  const settingsRow = (response.rows[0] ?? {}) as Partial<SqlResponseSettings>;
  return {
    rows: main.rows as Array<Record<string, unknown>>,
    rowCount: main.rowCount ?? 0,
    followUps: extra.map((result) =>
      result.status === "fulfilled" ? (result.value.rows as Array<Record<string, unknown>>) : [],
    ),
    response: { status: settingsRow.status ?? null, headers: settingsRow.headers ?? null },
  };
}

function firstFailure(results: Array<Settled | undefined>): unknown {
  const failed = results.find((result): result is PromiseRejectedResult => result?.status === "rejected");
  return failed ? failed.reason : new Error("The request transaction failed without an error");
}
