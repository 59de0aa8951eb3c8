/** Usually a sentence; PostgREST answers some errors (PGRST201) with a list of candidates instead. */
export type RestErrorDetails = string | Array<Record<string, string>> | null;

/** The PostgREST error body: existing clients (postgrest-js, supabase-js) parse exactly these four fields. */
export type RestErrorBody = { code: string; message: string; details: RestErrorDetails; hint: string | null };

/** An error the data API answers with deliberately: its status and body are safe to show the caller. */
export class RestError extends Error {
  readonly status: number;
  readonly code: string;
  readonly details: RestErrorDetails;
  readonly hint: string | null;
  readonly headers: Record<string, string>;

  constructor(
    status: number,
    body: { code: string; message: string; details?: RestErrorDetails; hint?: string | null },
    headers: Record<string, string> = {},
  ) {
    super(body.message);
    this.name = "RestError";
    this.status = status;
    this.code = body.code;
    this.details = body.details ?? null;
    this.hint = body.hint ?? null;
    this.headers = headers;
  }

  toBody(): RestErrorBody {
    return { code: this.code, message: this.message, details: this.details, hint: this.hint };
  }
}

/** PGRST100: the query string does not follow the grammar; the message names the parameter that failed. */
export function syntaxError(message: string, details: string | null = null): RestError {
  return new RestError(400, { code: "PGRST100", message, details });
}

/** PGRST301: the bridge token is missing or does not verify; no SQL runs. */
export function unauthorized(message: string): RestError {
  return new RestError(
    401,
    { code: "PGRST301", message },
    { "WWW-Authenticate": `Bearer error="invalid_token", error_description="${message.replace(/"/g, "'")}"` },
  );
}

export function tableNotFound(schema: string, table: string): RestError {
  return new RestError(404, {
    code: "PGRST205",
    message: `Could not find the table '${schema}.${table}' in the schema cache`,
  });
}

export function columnNotFound(table: string, column: string): RestError {
  return new RestError(400, { code: "42703", message: `column ${table}.${column} does not exist` });
}
