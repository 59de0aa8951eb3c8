/**
 * SQLSTATE → HTTP status, PostgREST 12/13's table (docs/references/errors.rst#status_codes) in full. Exact
 * codes win over classes; anything not listed is the caller's doing (400), as in PostgREST.
 */
const BY_SQLSTATE: Readonly<Record<string, number>> = {
  "23503": 409, // foreign_key_violation
  "23505": 409, // unique_violation
  "25006": 405, // read_only_sql_transaction (a write under GET, or in a STABLE/IMMUTABLE function)
  "53400": 500, // configuration_limit_exceeded
  P0001: 400, // raise_exception (RAISE without ERRCODE)
  "42883": 404, // undefined_function
  "42P01": 404, // undefined_table
  "42P17": 500, // infinite_recursion (e.g. a recursive RLS policy)
  "42501": 403, // insufficient_privilege (401 for an anonymous caller: see statusForSqlState)
};

const BY_CLASS: Readonly<Record<string, number>> = {
  "08": 503, // connection exception
  "09": 500, // triggered action exception
  "0L": 403, // invalid grantor
  "0P": 403, // invalid role specification
  "25": 500, // invalid transaction state
  "28": 403, // invalid authorization specification
  "2D": 500, // invalid transaction termination
  "38": 500, // external routine exception
  "39": 500, // external routine invocation exception
  "3B": 500, // savepoint exception
  "40": 500, // transaction rollback
  "53": 503, // insufficient resources (too_many_connections: the role's CONNECTION LIMIT)
  "54": 500, // program limit exceeded
  "55": 500, // object not in prerequisite state
  "57": 500, // operator intervention (57014 statement_timeout)
  "58": 500, // system error
  F0: 500, // configuration file error
  HV: 500, // foreign data wrapper error
  P0: 500, // PL/pgSQL error other than P0001
  XX: 500, // internal error
};

/**
 * The status for a SQLSTATE. `PTxyz` (RAISE SQLSTATE 'PT402') answers status xyz (other PT codes 500); 42501 answers 401 when the
 * caller is anonymous (no user in the token) and 403 otherwise.
 */
export function statusForSqlState(sqlState: string, anonymous = false): number {
  const custom = /^PT([1-5][0-9]{2})$/.exec(sqlState);
  if (custom?.[1]) return Number(custom[1]);
  if (sqlState.startsWith("PT")) return 500; // PT not followed by a status, e.g. PT40A
  if (sqlState === "42501" && anonymous) return 401;
  return BY_SQLSTATE[sqlState] ?? BY_CLASS[sqlState.slice(0, 2)] ?? 400;
}
