/** Field names whose values never reach a log line, at any depth (`authorization`, `jwtSecret`, `db_password`, …). */
const SECRET_KEY = /token|secret|password|passwd|authorization|cookie|api[-_]?key|credential|private[-_]?key/i;

/** Credentials that can hide inside free text such as an error message. */
const SECRET_TEXT: Array<[RegExp, string]> = [
  [/\b(Bearer|Basic)\s+[A-Za-z0-9._~+/=-]+/gi, "$1 [redacted]"],
  // A JWT anywhere: three base64url segments, the first starting like every JSON header does.
  [/\beyJ[A-Za-z0-9_-]*\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*/g, "[redacted-jwt]"],
  // Credentials in a query string: /rest/v1/notes?apikey=… (clients that cannot send headers do this).
  [/([?&](?:apikey|api_key|access_token|refresh_token|token|jwt|secret|password)=)[^&\s#"]+/gi, "$1[redacted]"],
  // The password of a connection URL: postgres://user:password@host
  [/(\b[a-z][a-z0-9+.-]*:\/\/[^\s:/@]+:)[^\s@/]+@/gi, "$1[redacted]@"],
];

const MAX_DEPTH = 6;

export const REDACTED = "[redacted]";

/** A copy of `value` safe to log: secret-named fields dropped, credentials scrubbed from strings, errors flattened. */
export function redact(value: unknown, depth = 0): unknown {
  if (typeof value === "string") return scrubText(value);
  if (typeof value === "bigint") return value.toString();
  if (value === null || typeof value !== "object") return value;
  if (depth >= MAX_DEPTH) return "[truncated]";
  if (value instanceof Error) {
    const { code } = value as { code?: unknown };
    return redact(
      { name: value.name, message: value.message, ...(code === undefined ? {} : { code }), stack: value.stack },
      depth + 1,
    );
  }
  if (Array.isArray(value)) return value.map((item) => redact(item, depth + 1));
  const result: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    if (SECRET_KEY.test(key)) continue;
    result[key] = redact(item, depth + 1);
  }
  return result;
}

function scrubText(text: string): string {
  return SECRET_TEXT.reduce((scrubbed, [pattern, replacement]) => scrubbed.replace(pattern, replacement), text);
}
