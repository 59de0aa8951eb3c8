import type { TableInfo } from "@/rest/schema-cache/types";
import type { OpenApiFunction, SwaggerSchema } from "./types";
import { swaggerTypeOf } from "./swagger-type";

/** `definitions.<table>`: one property per column; required = NOT NULL without a default (PostgREST's rule). */
export function tableDefinition(table: TableInfo): SwaggerSchema {
  const properties: Record<string, SwaggerSchema> = {};
  const required: string[] = [];
  for (const column of table.columns.values()) {
    const property = swaggerTypeOf(column.dataType);
    if (column.primaryKey) property.description = "Note:\nThis is a Primary Key.<pk/>";
    properties[column.name] = property;
    if (column.notNull && !column.hasDefault) required.push(column.name);
  }
  return { ...(required.length > 0 ? { required } : {}), properties, type: "object" };
}

/** The body schema of `POST /rpc/<fn>`: its named parameters, the ones without a default required. */
export function functionArgsSchema(fn: OpenApiFunction): SwaggerSchema {
  const properties: Record<string, SwaggerSchema> = {};
  for (const param of fn.params) properties[param.name] = swaggerTypeOf(param.type);
  const required = fn.params.filter((param) => param.required).map((param) => param.name);
  return { ...(required.length > 0 ? { required } : {}), type: "object", properties };
}
