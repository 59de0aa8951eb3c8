import type { SelectItem } from "@/rest/parse/ast";
import { columnNotFound } from "@/rest/respond/rest-error";
import type { TableInfo } from "@/rest/schema-cache/types";
import type { Projection } from "./types";

/** Checks every selected column exists; `*` anywhere selects all columns (plus nothing else, in this slice). */
export function planProjection(select: SelectItem[], table: TableInfo): Projection {
  if (select.some((item) => item.kind === "star")) return { kind: "star" };
  const columns = select.flatMap((item) => (item.kind === "column" ? [item] : []));
  for (const { column } of columns) assertColumn(table, column);
  return { kind: "columns", columns: columns.map(({ column, alias }) => ({ column, alias })) };
}

export function assertColumn(table: TableInfo, column: string): void {
  if (!table.columns.has(column)) throw columnNotFound(table.name, column);
}
