import type pg from "pg";
import { cancelBackend, severConnection } from "./cancel-backend";

/** How long a cancelled backend gets to give the connection back before rest closes the socket itself. */
const CANCEL_GRACE_MS = 2_000;

export type RequestDeadline = {
  /** True once the deadline passed: the client must then be discarded, a late cancel could hit its next user. */
  readonly fired: boolean;
  disarm(): void;
};

/**
 * A wall-clock bound on one request transaction, independent of `statement_timeout` (which a tenant function
 * can lift with `SET LOCAL`): when it passes, the backend is cancelled, and if the pipeline has still not
 * drained after a grace period, the socket is closed so the request answers anyway.
 */
export function armRequestDeadline(client: pg.PoolClient, deadlineMs: number): RequestDeadline {
  let fired = false;
  let grace: NodeJS.Timeout | undefined;
  const timer = setTimeout(() => {
    fired = true;
    void cancelBackend(client);
    grace = setTimeout(() => severConnection(client), CANCEL_GRACE_MS);
  }, deadlineMs);
  return {
    get fired() {
      return fired;
    },
    disarm() {
      clearTimeout(timer);
      clearTimeout(grace);
    },
  };
}

/** The error PostgreSQL raises for statement_timeout, which PostgREST answers as 500 with code 57014. */
export function statementTimedOut(): Error {
  return Object.assign(new Error("canceling statement due to statement timeout"), { code: "57014", severity: "ERROR" });
}
