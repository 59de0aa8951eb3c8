import type { PgTypeRef } from "./types";

const NUMBER = new Set(["int2", "int4", "int8", "float4", "float8", "numeric", "oid"]);
const STRING = new Set([
  "text",
  "varchar",
  "bpchar",
  "char",
  "name",
  "citext",
  "uuid",
  "date",
  "time",
  "timetz",
  "timestamp",
  "timestamptz",
  "interval",
  "bytea",
  "inet",
  "cidr",
  "macaddr",
  "macaddr8",
  "money",
  "tsvector",
  "tsquery",
  "xml",
  "bit",
  "varbit",
  "point",
  "line",
  "lseg",
  "box",
  "path",
  "polygon",
  "circle",
  "int4range",
  "int8range",
  "numrange",
  "tsrange",
  "tstzrange",
  "daterange",
  "regclass",
  "regproc",
  "regtype",
]);

/**
 * PostgreSQL type → TypeScript, as `supabase gen types typescript` maps them: every integer and numeric is `number`
 * (int8 and numeric included, which is how PostgREST answers them in JSON), json/jsonb are `Json`, arrays are
 * `T[]`, enums of the schema are their union by name, date/time and the rest of the text-like types are `string`.
 * `enumRef` renders a reference to an enum of the tenant schema; anything unknown is `unknown`.
 */
export function tsTypeOf(
  type: Pick<PgTypeRef, "name" | "kind" | "element">,
  enumRef: (name: string) => string,
): string {
  if (type.element) return `${scalar(type.element.name, type.element.kind, enumRef)}[]`;
  return scalar(type.name, type.kind, enumRef);
}

function scalar(name: string, kind: string, enumRef: (name: string) => string): string {
  if (kind === "e") return enumRef(name);
  if (name === "bool") return "boolean";
  if (NUMBER.has(name)) return "number";
  if (STRING.has(name)) return "string";
  if (name === "json" || name === "jsonb") return "Json";
  if (name === "void") return "undefined";
  if (name === "record") return "Record<string, unknown>";
  return "unknown";
}
