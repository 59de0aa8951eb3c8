/** Where a 1-based character position (as PostgreSQL reports it) falls in the SQL text. */
export function lineAndColumnAt(sql: string, position: number): { line: number; column: number } {
  const before = Array.from(sql)
    .slice(0, Math.max(0, position - 1))
    .join("");
  const lines = before.split("\n");
  return { line: lines.length, column: Array.from(lines[lines.length - 1] ?? "").length + 1 };
}

type PgErrorFields = { message: string; code?: string; position?: string; detail?: string; hint?: string };

/** Tenant SQL that PostgreSQL refused; the push was rolled back and nothing of it remains. */
export class TenantSqlError extends Error {
  readonly code: string | undefined;
  /** 1-based character offset in the SQL text, when PostgreSQL reported one. */
  readonly position: number | undefined;
  readonly line: number | undefined;
  readonly column: number | undefined;
  readonly detail: string | undefined;
  readonly hint: string | undefined;

  /** `explanation`, when a plan limit stopped the file, names the limit and what to do. */
  constructor(fileName: string, sql: string, fields: PgErrorFields, explanation?: string | null) {
    const position = fields.position ? Number(fields.position) : undefined;
    const at = position ? lineAndColumnAt(sql, position) : undefined;
    const where = at ? ` at line ${at.line}, column ${at.column}` : "";
    const code = fields.code ? ` (SQLSTATE ${fields.code})` : "";
    super(
      `SQL file "${fileName}" failed${where}: ${fields.message}${code}. Nothing from this file was applied.${explanation ? ` ${explanation}` : ""}`,
    );
    this.name = "TenantSqlError";
    this.code = fields.code;
    this.position = position;
    this.line = at?.line;
    this.column = at?.column;
    this.detail = fields.detail;
    this.hint = fields.hint;
  }
}

export function isPgError(error: unknown): error is PgErrorFields & Error {
  return error instanceof Error && typeof (error as { code?: unknown }).code === "string";
}
