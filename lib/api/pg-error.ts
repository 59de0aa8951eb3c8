/** The PostgreSQL error behind a driver or drizzle error (drizzle wraps it in `cause`), if there is one. */
export type PgErrorLike = { code: string; constraint?: string; message: string; detail?: string };

export function pgErrorOf(err: unknown): PgErrorLike | null {
  let current: unknown = err;
  for (let depth = 0; depth < 5 && current instanceof Error; depth += 1) {
    const candidate = current as Error & { code?: unknown; constraint?: unknown; detail?: unknown };
    if (typeof candidate.code === "string" && /^[0-9A-Z]{5}$/.test(candidate.code)) {
      return {
        code: candidate.code,
        message: candidate.message,
        constraint: typeof candidate.constraint === "string" ? candidate.constraint : undefined,
        detail: typeof candidate.detail === "string" ? candidate.detail : undefined,
      };
    }
    current = candidate.cause;
  }
  return null;
}

/** True when `err` is a unique violation of the named constraint. */
export function isUniqueViolation(err: unknown, constraint: string): boolean {
  const pg = pgErrorOf(err);
  return pg?.code === "23505" && pg.constraint === constraint;
}
