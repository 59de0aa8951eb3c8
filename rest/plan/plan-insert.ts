import type { ReturnPreference, SelectItem } from "@/rest/parse/ast";
import { RestError } from "@/rest/respond/rest-error";
import type { TableInfo } from "@/rest/schema-cache/types";
import { planProjection } from "./plan-projection";
import type { InsertPlan } from "./types";

type Row = Record<string, unknown>;

const isRow = (value: unknown): value is Row => typeof value === "object" && value !== null && !Array.isArray(value);

const invalidBody = (message: string) => new RestError(400, { code: "PGRST102", message });

/**
 * A POST body (one object or an array of objects) bound to a table. As in PostgREST, the first object's keys
 * are the inserted columns and every other object must have the same keys; columns left out take defaults.
 */
export function planInsert(body: unknown, table: TableInfo, select: SelectItem[], preference: ReturnPreference): InsertPlan {
  const rows = Array.isArray(body) ? body : [body];
  if (!rows.every(isRow)) throw invalidBody("The body must be a JSON object or an array of JSON objects");
  const columns = rows[0] ? Object.keys(rows[0]) : [];
  const expected = [...columns].sort().join("\u0000");
  for (const row of rows) {
    if (Object.keys(row).sort().join("\u0000") !== expected) throw invalidBody("All object keys must match");
  }
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
    returning: preference === "representation" ? planProjection(select, table) : null,
  };
}
