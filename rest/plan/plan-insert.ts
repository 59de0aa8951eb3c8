import type { SelectItem } from "@/rest/parse/ast";
import type { Payload } from "@/rest/http/read-body";
import type { Preferences } from "@/rest/parse/parse-prefer";
import { RestError } from "@/rest/respond/rest-error";
import type { TableInfo } from "@/rest/schema-cache/types";
import { assertColumn } from "./plan-projection";
import type { EmbedScope } from "./plan-embeds";
import {
  assertWritableColumns,
  payloadColumns,
  payloadRows,
  planReturning,
  primaryKeyOf,
  type Row,
} from "./plan-write-payload";
import type { InsertGroup, InsertPlan } from "./write-types";

/** Each distinct key set is one INSERT in the statement; bound so a payload cannot make it unplannably large. */
const MAX_DEFAULT_GROUPS = 100;

export type InsertRequest = {
  payload: Payload;
  /** The `columns` parameter, if given: then rows may omit keys and extra keys are ignored. */
  columns: string[] | null;
  /** The `on_conflict` parameter: the upsert's conflict target instead of the primary key. */
  onConflict: string[] | null;
  select: SelectItem[];
  preferences: Preferences;
  /** The schema's tables and relationships, for embeds in the representation. */
  scope?: EmbedScope;
};

/**
 * POST /<table>: one object or an array bound to the table. Upserts (`resolution=`) need a conflict target
 * (on_conflict, else the primary key); without one PostgREST inserts plainly, and so do we.
 */
export function planInsert(table: TableInfo, request: InsertRequest): InsertPlan {
  const rows = payloadRows(request.payload.value);
  const columns = payloadColumns(rows, request.columns);
  assertWritableColumns(table, columns);
  for (const column of request.onConflict ?? []) assertColumn(table, column);
  const target = request.onConflict ?? primaryKeyOf(table);
  const resolution = request.preferences.resolution;
  const conflict =
    resolution && target.length > 0
      ? ({ target, action: resolution === "merge-duplicates" ? "merge" : "ignore" } as const)
      : null;
  const applyDefaults = request.preferences.missing === "default" && request.columns !== null;
  return {
    table: { schema: table.schema, name: table.name },
    columns,
    payloadJson: request.payload.json,
    groups: applyDefaults ? groupByPresentColumns(rows, columns) : [{ columns, rows: null }],
    conflict,
    sourceFilters: [],
    firstRowOnly: false,
    returning: planReturning(request.preferences, request.select, table, conflict?.action === "merge", request.scope),
  };
}

/**
 * `Prefer: missing=default`: a key absent from a row means the column's default, not NULL. Rows are grouped
 * by which columns they carry and each group inserts only those, so PostgreSQL itself applies the defaults
 * (per row, so sequences advance per row) and no default expression is ever copied into our SQL.
 */
function groupByPresentColumns(rows: Row[], columns: string[]): InsertGroup[] {
  const groups = new Map<string, { columns: string[]; rows: number[] }>();
  rows.forEach((row, index) => {
    const present = columns.filter((column) => Object.hasOwn(row, column));
    const key = present.join("\u0000");
    const group = groups.get(key) ?? { columns: present, rows: [] };
    group.rows.push(index + 1);
    groups.set(key, group);
  });
  if (groups.size > MAX_DEFAULT_GROUPS) {
    throw new RestError(400, {
      code: "PGRST102",
      message: `With missing=default, rows may differ in at most ${MAX_DEFAULT_GROUPS} ways in which columns they carry`,
      hint: "Split the request, or send every key (null where you mean NULL)",
    });
  }
  if (groups.size === 0) return [{ columns, rows: null }];
  return [...groups.values()];
}
