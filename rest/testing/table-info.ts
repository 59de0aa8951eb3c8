import type { ColumnInfo, TableInfo } from "@/rest/schema-cache/types";

/** A schema-cache table for unit tests: `[name, dataType]` pairs; a column named `id` is the primary key. */
export function tableInfo(name: string, columns: Array<[string, string]>): TableInfo {
  const entries = columns.map(([column, dataType]): [string, ColumnInfo] => [
    column,
    { name: column, dataType, notNull: false, hasDefault: false, primaryKey: column === "id" },
  ]);
  return { schema: "t_0123456789ab_api", name, kind: "table", columns: new Map(entries) };
}
