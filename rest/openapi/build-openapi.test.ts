import { describe, expect, it } from "vitest";
import type { ColumnInfo, SchemaSnapshot, TableInfo } from "@/rest/schema-cache/types";
import { buildOpenApi } from "./build-openapi";
import { swaggerTypeOf } from "./swagger-type";

const column = (name: string, dataType: string, extra: Partial<ColumnInfo> = {}): ColumnInfo => ({
  name,
  dataType,
  notNull: false,
  hasDefault: false,
  primaryKey: false,
  ...extra,
});
const table = (name: string, kind: TableInfo["kind"], columns: ColumnInfo[]): TableInfo => ({
  schema: "s",
  name,
  kind,
  columns: new Map(columns.map((c) => [c.name, c])),
});
const snapshot: SchemaSnapshot = {
  schema: "s",
  loadedAt: 0,
  functions: new Map(),
  relationships: [],
  tables: new Map([
    [
      "todos",
      table("todos", "table", [
        column("id", "bigint", { notNull: true, hasDefault: true, primaryKey: true }),
        column("task", "text", { notNull: true }),
      ]),
    ],
    ["stats", table("stats", "materialized_view", [column("n", "integer")])],
  ]),
};
const server = { host: "api--x.localhost:8080", scheme: "http" as const };

describe("buildOpenApi", () => {
  it("maps PostgreSQL types as PostgREST does", () => {
    expect(swaggerTypeOf("timestamp with time zone")).toEqual({ format: "timestamp with time zone", type: "string" });
    expect(swaggerTypeOf("character(3)")).toEqual({ format: "character", type: "string", maxLength: 3 });
    expect(swaggerTypeOf("numeric(10,2)")).toEqual({ format: "numeric", type: "number" });
    expect(swaggerTypeOf("integer[]")).toEqual({ format: "integer[]", type: "array", items: { type: "integer" } });
    expect(swaggerTypeOf("json")).toEqual({ format: "json" });
  });

  it("requires NOT NULL columns without a default and marks primary keys", () => {
    const doc = buildOpenApi(snapshot, server) as {
      definitions: Record<string, { required?: string[]; properties: Record<string, unknown> }>;
    };
    expect(doc.definitions.todos?.required).toEqual(["task"]);
    expect(doc.definitions.todos?.properties.id).toEqual({
      format: "bigint",
      type: "integer",
      description: "Note:\nThis is a Primary Key.<pk/>",
    });
    expect(doc.definitions.stats?.required).toBeUndefined();
  });

  it("adds /rpc/<fn> paths for the functions it is given, arguments as body and query parameters", () => {
    const doc = buildOpenApi(snapshot, server, [
      {
        name: "add",
        params: [
          { name: "a", type: "integer", required: true },
          { name: "b", type: "integer", required: false },
        ],
      },
    ]) as { paths: Record<string, Record<string, { parameters: unknown[]; tags: string[] }>> };
    expect(Object.keys(doc.paths)).toEqual(["/", "/stats", "/todos", "/rpc/add"]);
    const rpc = doc.paths["/rpc/add"];
    expect(rpc?.post?.tags).toEqual(["(rpc) add"]);
    expect(rpc?.post?.parameters[0]).toEqual({
      required: true,
      in: "body",
      name: "args",
      schema: {
        required: ["a"],
        type: "object",
        properties: { a: { format: "integer", type: "integer" }, b: { format: "integer", type: "integer" } },
      },
    });
    expect(rpc?.get?.parameters).toEqual([
      { format: "integer", in: "query", name: "a", required: true, type: "integer" },
      { format: "integer", in: "query", name: "b", required: false, type: "integer" },
    ]);
  });

  it("gives read-only relations only a get", () => {
    const doc = buildOpenApi(snapshot, server) as { paths: Record<string, object> };
    expect(Object.keys(doc.paths["/stats"] ?? {})).toEqual(["get"]);
    expect(Object.keys(doc.paths["/todos"] ?? {})).toEqual(["get", "post", "delete", "patch"]);
  });
});
