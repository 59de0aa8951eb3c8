import type { SwaggerSchema } from "./types";

const BY_TYPE: Readonly<Record<string, string>> = {
  "character varying": "string",
  character: "string",
  text: "string",
  boolean: "boolean",
  smallint: "integer",
  integer: "integer",
  bigint: "integer",
  numeric: "number",
  real: "number",
  "double precision": "number",
};

/**
 * The Swagger type of a PostgreSQL column type, as PostgREST maps it: the format is the type's name without
 * its modifier (`character varying(40)` → format `character varying`, maxLength 40), arrays are `array`,
 * json/jsonb carry no type (any JSON), everything else is a string.
 */
export function swaggerTypeOf(dataType: string): SwaggerSchema {
  const isArray = dataType.endsWith("[]");
  const modifier = /\((\d+)(?:,\s*\d+)?\)/.exec(dataType);
  const format = dataType.replace(/\([^)]*\)/, "").trim();
  if (isArray) {
    const element = format.slice(0, -2);
    return { format, type: "array", items: { type: BY_TYPE[element] ?? "string" } };
  }
  if (format === "json" || format === "jsonb") return { format };
  const schema: SwaggerSchema = { format, type: BY_TYPE[format] ?? "string" };
  if (modifier?.[1] && (format === "character varying" || format === "character"))
    schema.maxLength = Number(modifier[1]);
  return schema;
}
