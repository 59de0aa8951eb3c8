import { RestError } from "./rest-error";
import { statusForSqlState } from "./pg-error-status";

type PgLikeError = { code: string; message: string; detail?: string; hint?: string; severity?: string };

/** node-postgres errors from the server carry a 5-character SQLSTATE and a severity. */
export function isPgError(error: unknown): error is PgLikeError {
  if (typeof error !== "object" || error === null) return false;
  const { code, severity } = error as Partial<PgLikeError>;
  return typeof code === "string" && /^[0-9A-Z]{5}$/.test(code) && typeof severity === "string";
}

const POOL_TIMEOUT = /timeout exceeded when trying to connect/i;

/**
 * Turns anything thrown while serving a request into the answer the caller sees. Unknown errors become a
 * generic 500 (the caller gets the request id; the log gets the cause) so no internal detail leaks.
 * `unexplained` is true when the cause must be logged because the caller was told nothing useful.
 */
export function toRestError(error: unknown, requestId: string): { error: RestError; unexplained: boolean } {
  if (error instanceof RestError) return { error, unexplained: false };
  if (isPgError(error)) {
    const status = statusForSqlState(error.code);
    if (status !== null) {
      const body = { code: error.code, message: error.message, details: error.detail ?? null, hint: error.hint ?? null };
      return { error: new RestError(status, body), unexplained: status >= 500 };
    }
  }
  if (error instanceof Error && POOL_TIMEOUT.test(error.message)) {
    const message = "Timed out acquiring a database connection for this project; retry shortly";
    return { error: new RestError(504, { code: "PGRST003", message }), unexplained: true };
  }
  const message = `Internal server error; quote request id ${requestId} when reporting it`;
  return { error: new RestError(500, { code: "PGRST500", message }), unexplained: true };
}
