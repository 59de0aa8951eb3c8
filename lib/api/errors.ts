/**
 * The control-plane API's one error system: a typed error, one code → status table, one envelope.
 * Verbs throw FluxError; route handlers never build error bodies themselves.
 */
export const ERROR_STATUS = {
  bad_request: 400,
  unauthorized: 401,
  invalid_credentials: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  unprocessable: 422,
  internal: 500,
  /** A service the request depends on (e.g. DNS) did not answer in time; retrying later may succeed. */
  unavailable: 503,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

export type ErrorEnvelope = { error: { code: ErrorCode; message: string; requestId: string } };

export class FluxError extends Error {
  readonly code: ErrorCode;
  readonly status: number;

  constructor(code: ErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "FluxError";
    this.code = code;
    this.status = ERROR_STATUS[code];
  }
}

export const isFluxError = (err: unknown): err is FluxError => err instanceof FluxError;

const GENERIC_MESSAGE = "Something went wrong on our side. Quote the request id when you report it.";

/**
 * Error → envelope + status. Unknown errors never leak their message: they are logged with the request id
 * (so an operator can find them) and answered with a generic one.
 */
export function toErrorEnvelope(err: unknown, requestId: string): { status: number; body: ErrorEnvelope } {
  if (isFluxError(err)) {
    if (err.status >= 500) logError(err.cause ?? err, requestId);
    return { status: err.status, body: { error: { code: err.code, message: err.message, requestId } } };
  }
  logError(err, requestId);
  return { status: 500, body: { error: { code: "internal", message: GENERIC_MESSAGE, requestId } } };
}

function logError(err: unknown, requestId: string): void {
  const detail = err instanceof Error ? { err: err.message, stack: err.stack } : { err: String(err) };
  console.error(JSON.stringify({ level: "error", msg: "control-plane request failed", requestId, ...detail }));
}
