import type { SelectItem } from "@/rest/parse/ast";
import { columnNotFound } from "@/rest/respond/rest-error";
import type { TableInfo } from "@/rest/schema-cache/types";
import type { ProjectedColumn, Projection } from "./types";

/**
 * Checks every selected column exists. Only `*` is the star projection; `*` plus columns lists both; a select
 * of embeds alone (`directors(*)`) has no columns of its own.
 */
export function planProjection(select: SelectItem[], table: TableInfo): Projection {
  const star = select.some((item) => item.kind === "star");
  const columns: ProjectedColumn[] = [];
  for (const item of select) {
    if (item.kind !== "column") continue;
    assertColumn(table, item.column);
    columns.push({ column: item.column, alias: item.alias, jsonPath: item.jsonPath ?? [], cast: item.cast ?? null });
  }
  if (columns.length === 0)
    return star || !select.some((item) => item.kind === "embed") ? { kind: "star" } : { kind: "columns", columns };
  return star ? { kind: "columns", columns, star } : { kind: "columns", columns };
}

export function assertColumn(table: TableInfo, column: string): void {
  if (!table.columns.has(column)) throw columnNotFound(table.name, column);
}
