import { quoteIdent } from "@/lib/engines/sql";

/**
 * SQL's spellings of built-in types that are not their catalog names (`"integer"` is no type, `int4` is).
 * Casts are written `::"<catalog name>"` through quoteIdent, so a cast can never be anything but a type name.
 */
const CATALOG_NAMES: Readonly<Record<string, string>> = {
  integer: "int4",
  int: "int4",
  bigint: "int8",
  smallint: "int2",
  boolean: "bool",
  real: "float4",
  "double precision": "float8",
  float: "float8",
  decimal: "numeric",
  "character varying": "varchar",
  character: "bpchar",
  char: "bpchar",
  timestamptz: "timestamptz",
  "timestamp with time zone": "timestamptz",
  "timestamp without time zone": "timestamp",
  "time with time zone": "timetz",
};

export function castSql(expression: string, type: string): string {
  const normalized = type.trim().replace(/\s+/g, " ").toLowerCase();
  return `(${expression})::${quoteIdent(CATALOG_NAMES[normalized] ?? normalized)}`;
}
