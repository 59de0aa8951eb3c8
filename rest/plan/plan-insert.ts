import type { ReturnPreference, SelectItem } from "@/rest/parse/ast";
import { RestError } from "@/rest/respond/rest-error";
import type { TableInfo } from "@/rest/schema-cache/types";
import { planProjection } from "./plan-projection";
import type { InsertPlan } from "./types";

type Row = Record<string, unknown>;

const isRow = (value: unknown): value is Row => typeof value === "object" && value !== null && !Array.isArray(value);

const invalidBody = (message: string) => new RestError(400, { code: "PGRST102", message });

export type InsertRequest = {
  body: unknown;
  /** The `columns` parameter, if given: then rows may omit keys (they insert NULL) and extra keys are ignored. */
  columns: string[] | null;
  select: SelectItem[];
  preference: ReturnPreference;
};

/**
 * A POST body (one object or an array of objects) bound to a table. Without `columns`, as in PostgREST, the
 * first object's keys are the inserted columns and every other object must have the same keys; columns not
 * inserted take their defaults.
 */
export function planInsert(body: unknown, table: TableInfo, request: Omit<InsertRequest, "body">): InsertPlan {
  const rows = Array.isArray(body) ? body : [body];
  if (!rows.every(isRow)) throw invalidBody("The body must be a JSON object or an array of JSON objects");
  const columns = request.columns ?? keysOfIdenticalRows(rows);
  for (const column of columns) {
    if (!table.columns.has(column)) {
      throw new RestError(400, {
        code: "PGRST204",
        message: `Could not find the '${column}' column of '${table.name}' in the schema cache`,
      });
    }
  }
  return {
    table: { schema: table.schema, name: table.name },
    columns,
    rowsJson: JSON.stringify(rows),
    returning: request.preference === "representation" ? planProjection(request.select, table) : null,
  };
}

function keysOfIdenticalRows(rows: Row[]): string[] {
  const columns = rows[0] ? Object.keys(rows[0]) : [];
  const expected = [...columns].sort().join("\u0000");
  for (const row of rows) {
    if (Object.keys(row).sort().join("\u0000") !== expected) throw invalidBody("All object keys must match");
  }
  return columns;
}
