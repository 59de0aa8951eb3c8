import type { TableInfo } from "@/rest/schema-cache/types";
import { functionArgsSchema } from "./definitions";
import { bodyName, ref, rowFilterName } from "./parameters";
import type { OpenApiFunction, SwaggerSchema } from "./types";
import { swaggerTypeOf } from "./swagger-type";

/** Relations that accept writes; materialized views are read-only. */
const WRITABLE: ReadonlySet<TableInfo["kind"]> = new Set(["table", "view", "foreign_table", "partitioned_table"]);

export const ROOT_PATH: SwaggerSchema = {
  get: {
    tags: ["Introspection"],
    summary: "OpenAPI description (this document)",
    produces: ["application/openapi+json", "application/json"],
    responses: { "200": { description: "OK" } },
  },
};

/** `/<table>`: get (filters, select, order, paging), and for writable relations post, patch and delete. */
export function tablePath(table: TableInfo): SwaggerSchema {
  const tags = [table.name];
  const filters = [...table.columns.keys()].map((column) => ref(rowFilterName(table.name, column)));
  const body = ref(bodyName(table.name));
  const path: SwaggerSchema = {
    get: {
      tags,
      parameters: [
        ...filters,
        ref("select"),
        ref("order"),
        ref("range"),
        ref("rangeUnit"),
        ref("offset"),
        ref("limit"),
        ref("preferCount"),
      ],
      responses: {
        "200": { description: "OK", schema: { items: { $ref: `#/definitions/${table.name}` }, type: "array" } },
        "206": { description: "Partial Content" },
      },
    },
  };
  if (!WRITABLE.has(table.kind)) return path;
  path.post = {
    tags,
    parameters: [body, ref("select"), ref("preferPost")],
    responses: { "201": { description: "Created" } },
  };
  path.delete = {
    tags,
    parameters: [...filters, ref("preferReturn")],
    responses: { "204": { description: "No Content" } },
  };
  path.patch = {
    tags,
    parameters: [...filters, body, ref("preferReturn")],
    responses: { "204": { description: "No Content" } },
  };
  return path;
}

/** `/rpc/<fn>`: post with the arguments as a JSON object, get with them as query parameters. */
export function functionPath(fn: OpenApiFunction): SwaggerSchema {
  const tags = [`(rpc) ${fn.name}`];
  const summary = fn.description ? { summary: fn.description } : {};
  return {
    post: {
      tags,
      ...summary,
      produces: ["application/json", "application/vnd.pgrst.object+json"],
      parameters: [{ required: true, schema: functionArgsSchema(fn), in: "body", name: "args" }, ref("preferParams")],
      responses: { "200": { description: "OK" } },
    },
    get: {
      tags,
      ...summary,
      parameters: fn.params.map((param) => {
        const { format, type } = swaggerTypeOf(param.type);
        return { format, in: "query", name: param.name, required: param.required, type: type ?? "string" };
      }),
      responses: { "200": { description: "OK" } },
    },
  };
}
