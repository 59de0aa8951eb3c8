/**
 * SQLSTATE → HTTP status, following PostgREST's documented table (errors.html#http-status-codes) for the
 * codes this slice can produce. Keep every mapping here so the whole contract is one screen.
 */
const BY_SQLSTATE: Readonly<Record<string, number>> = {
  "42501": 403, // insufficient_privilege (PostgREST answers 401 for an anonymous role; bridge roles never are)
  "23505": 409, // unique_violation
  "23503": 409, // foreign_key_violation
  "23502": 400, // not_null_violation
  "22P02": 400, // invalid_text_representation
  "42P01": 404, // undefined_table
  "42883": 404, // undefined_function
  P0001: 400, // raise_exception
  "57014": 500, // query_canceled (statement_timeout)
  "53300": 503, // too_many_connections (the role's CONNECTION LIMIT)
  "25006": 405, // read_only_sql_transaction
};

/** Classes whose errors are the caller's doing: bad data (22), a violated constraint (23), bad SQL names (42). */
const CLIENT_CLASSES: Readonly<Record<string, number>> = { "22": 400, "23": 400, "42": 400 };

/** The status for a SQLSTATE, or null when the error is not one we explain to the caller (answer 500, log it). */
export function statusForSqlState(sqlState: string): number | null {
  return BY_SQLSTATE[sqlState] ?? CLIENT_CLASSES[sqlState.slice(0, 2)] ?? null;
}
