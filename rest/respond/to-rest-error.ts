import { RestError } from "./rest-error";
import { statusForSqlState } from "./pg-error-status";
import { raisedPgrstError } from "./raised-pgrst-error";

type PgLikeError = { code: string; message: string; detail?: string; hint?: string; severity?: string };

/** node-postgres errors from the server carry a 5-character SQLSTATE and a severity. */
export function isPgError(error: unknown): error is PgLikeError {
  if (typeof error !== "object" || error === null) return false;
  const { code, severity } = error as Partial<PgLikeError>;
  return typeof code === "string" && /^[0-9A-Z]{5}$/.test(code) && typeof severity === "string";
}

const POOL_TIMEOUT = /timeout exceeded when trying to connect/i;

/** Classes whose messages describe the server itself (internal errors, system errors): never shown. */
const HIDDEN_CLASSES = new Set(["XX", "58"]);

/**
 * Turns anything thrown while serving a request into the answer the caller sees. Errors PostgreSQL raised
 * keep their code, message, detail and hint (the tenant's own functions raise them); internal and system
 * errors and anything unknown become a generic 500 (the caller gets the request id; the log gets the cause).
 * `unexplained` is true when the cause must be logged because the caller was told nothing useful.
 */
export function toRestError(
  error: unknown,
  requestId: string,
  caller: { anonymous: boolean } = { anonymous: false },
): { error: RestError; unexplained: boolean } {
  if (error instanceof RestError) return { error, unexplained: false };
  if (isPgError(error) && !HIDDEN_CLASSES.has(error.code.slice(0, 2))) {
    if (error.code === "PGRST") return { error: raisedPgrstError(error), unexplained: false };
    const status = statusForSqlState(error.code, caller.anonymous);
    const body = { code: error.code, message: error.message, details: error.detail ?? null, hint: error.hint ?? null };
    // PostgREST asks an anonymous caller to authenticate when a privilege is missing.
    const headers: Record<string, string> = status === 401 ? { "WWW-Authenticate": "Bearer" } : {};
    return { error: new RestError(status, body, headers), unexplained: status >= 500 && !error.code.startsWith("PT") };
  }
  if (error instanceof Error && POOL_TIMEOUT.test(error.message)) {
    const message = "Timed out acquiring a database connection for this project; retry shortly";
    return { error: new RestError(504, { code: "PGRST003", message }), unexplained: true };
  }
  const message = `Internal server error; quote request id ${requestId} when reporting it`;
  return { error: new RestError(500, { code: "PGRST500", message }), unexplained: true };
}
