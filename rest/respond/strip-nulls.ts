/**
 * `nulls=stripped` as PostgreSQL's json_strip_nulls does it (which PostgREST uses): object fields whose value
 * is null are dropped at every depth; nulls inside arrays stay.
 */
export function stripNulls(jsonText: string): string {
  return JSON.stringify(strip(JSON.parse(jsonText) as unknown));
}

function strip(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(strip);
  if (value === null || typeof value !== "object") return value;
  const result: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(value)) if (field !== null) result[key] = strip(field);
  return result;
}
