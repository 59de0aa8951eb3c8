import type { SelectItem } from "@/rest/parse/ast";
import type { Preferences } from "@/rest/parse/parse-prefer";
import { RestError } from "@/rest/respond/rest-error";
import type { TableInfo } from "@/rest/schema-cache/types";
import { type EmbedScope, planResourceTree } from "./plan-embeds";
import { planProjection } from "./plan-projection";
import type { Projection } from "./types";
import type { WriteReturning } from "./write-types";

export type Row = Record<string, unknown>;

const isRow = (value: unknown): value is Row => typeof value === "object" && value !== null && !Array.isArray(value);

const invalidPayload = (message: string) => new RestError(400, { code: "PGRST102", message });

/** One object or an array of objects (PostgREST's messages for anything else). */
export function payloadRows(body: unknown): Row[] {
  if (isRow(body)) return [body];
  if (!Array.isArray(body)) throw invalidPayload("Empty or invalid json");
  if (!body.every(isRow)) throw invalidPayload("All object keys must match");
  return body;
}

/**
 * The written columns: the `columns` parameter when given (rows may then omit keys, extra keys are ignored),
 * otherwise the first row's keys, which every row must share.
 */
export function payloadColumns(rows: Row[], columns: string[] | null): string[] {
  if (columns) return [...new Set(columns)];
  const first = rows[0] ? Object.keys(rows[0]) : [];
  const expected = [...first].sort().join("\u0000");
  for (const row of rows) {
    if (Object.keys(row).sort().join("\u0000") !== expected) throw invalidPayload("All object keys must match");
  }
  return first;
}

export function assertWritableColumns(table: TableInfo, columns: string[]): void {
  for (const column of columns) {
    if (!table.columns.has(column)) {
      throw new RestError(400, {
        code: "PGRST204",
        message: `Could not find the '${column}' column of '${table.name}' in the schema cache`,
      });
    }
  }
}

export const primaryKeyOf = (table: TableInfo): string[] =>
  [...table.columns.values()].filter((column) => column.primaryKey).map((column) => column.name);

/** `*` spelled out, so columns the statement adds for itself (pgrst_inserted) never reach the body. */
function explicitProjection(select: SelectItem[], table: TableInfo): Projection {
  const projection = planProjection(select, table);
  if (projection.kind === "columns") return projection;
  return { kind: "columns", columns: [...table.columns.keys()].map((column) => ({ column, alias: null })) };
}

export function planReturning(
  preferences: Preferences,
  select: SelectItem[],
  table: TableInfo,
  countInserted: boolean,
  scope?: EmbedScope,
): WriteReturning {
  const wanted = preferences.return ?? "minimal";
  const representation = wanted === "representation";
  // The representation embeds as a read does; only the select's own resources, since writes take no embedded filters.
  const embeds = representation
    ? planResourceTree({ select, filters: [], logic: [], order: [] }, table, scope ?? null).embeds
    : [];
  return {
    projection: representation ? explicitProjection(select, table) : null,
    embeds,
    keyColumns: wanted === "headers-only" ? primaryKeyOf(table) : [],
    countInserted,
  };
}
