/** Key names that may carry credentials; their values never reach the audit log. */
const SECRET_KEY =
  /secret|password|passwd|token|api[-_]?key|credential|private[-_]?key|authorization|cookie|session[-_]?key/i;

/**
 * Copies audit details without secret-looking keys, at any depth: an audit snapshot must stay safe to show
 * to support staff and to export.
 */
export function redactAuditDetails(details: Record<string, unknown>): Record<string, unknown> {
  return redactObject(details, 0);
}

function redactObject(value: Record<string, unknown>, depth: number): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, inner] of Object.entries(value)) {
    if (SECRET_KEY.test(key)) continue;
    out[key] = redactValue(inner, depth + 1);
  }
  return out;
}

function redactValue(value: unknown, depth: number): unknown {
  if (depth > 8) return "[too deep]";
  if (Array.isArray(value)) return value.map((item) => redactValue(item, depth + 1));
  if (value instanceof Date) return value.toISOString();
  if (value !== null && typeof value === "object") return redactObject(value as Record<string, unknown>, depth);
  return value;
}
