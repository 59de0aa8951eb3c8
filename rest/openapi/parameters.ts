import type { TableInfo } from "@/rest/schema-cache/types";
import type { SwaggerSchema } from "./types";
import { swaggerTypeOf } from "./swagger-type";

const prefer = (values: string[]) => ({
  name: "Prefer",
  description: "Preference",
  required: false,
  enum: values,
  in: "header",
  type: "string",
});
const query = (name: string, description: string) => ({
  name,
  description,
  required: false,
  in: "query",
  type: "string",
});
const paging = "Limiting and Pagination";

/** `#/parameters/*` shared by every table, named and shaped as PostgREST's document names them. */
export const COMMON_PARAMETERS: Readonly<Record<string, SwaggerSchema>> = {
  preferParams: prefer(["params=single-object"]),
  preferReturn: prefer(["return=representation", "return=minimal", "return=none"]),
  preferCount: prefer(["count=none"]),
  preferPost: prefer([
    "return=representation",
    "return=minimal",
    "return=none",
    "resolution=ignore-duplicates",
    "resolution=merge-duplicates",
  ]),
  select: query("select", "Filtering Columns"),
  on_conflict: query("on_conflict", "On Conflict"),
  order: query("order", "Ordering"),
  range: { name: "Range", description: paging, required: false, in: "header", type: "string" },
  rangeUnit: {
    name: "Range-Unit",
    description: paging,
    required: false,
    default: "items",
    in: "header",
    type: "string",
  },
  offset: query("offset", paging),
  limit: query("limit", paging),
};

export const ref = (name: string) => ({ $ref: `#/parameters/${name}` });
export const rowFilterName = (table: string, column: string) => `rowFilter.${table}.${column}`;
export const bodyName = (table: string) => `body.${table}`;

/** `body.<table>` and one `rowFilter.<table>.<column>` per column (a filter is a string like `eq.5`). */
export function tableParameters(table: TableInfo): Record<string, SwaggerSchema> {
  const parameters: Record<string, SwaggerSchema> = {
    [bodyName(table.name)]: {
      name: table.name,
      description: table.name,
      required: false,
      in: "body",
      schema: { $ref: `#/definitions/${table.name}` },
    },
  };
  for (const column of table.columns.values()) {
    const { format } = swaggerTypeOf(column.dataType);
    parameters[rowFilterName(table.name, column.name)] = {
      name: column.name,
      required: false,
      format,
      in: "query",
      type: "string",
    };
  }
  return parameters;
}
