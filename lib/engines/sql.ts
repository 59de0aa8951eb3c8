/**
 * The one place identifiers and literals are quoted for SQL that cannot use bind parameters
 * (DDL: CREATE SCHEMA, CREATE ROLE, GRANT). Everything else binds values as parameters.
 */
export function quoteIdent(name: string): string {
  if (name.length === 0) throw new Error("An SQL identifier cannot be empty");
  if (name.includes("\0")) throw new Error("An SQL identifier cannot contain a NUL character");
  return `"${name.replace(/"/g, '""')}"`;
}

export function quoteLiteral(value: string): string {
  if (value.includes("\0")) throw new Error("An SQL literal cannot contain a NUL character");
  return `'${value.replace(/'/g, "''")}'`;
}
