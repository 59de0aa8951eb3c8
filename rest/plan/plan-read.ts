import type { ReadQuery } from "@/rest/parse/ast";
import type { TableInfo } from "@/rest/schema-cache/types";
import { assertColumn, planProjection } from "./plan-projection";
import type { ReadPlan } from "./types";

/**
 * Binds a parsed GET to one table: every column must exist, and the page never exceeds `maxRows`
 * (FLUX_REST_MAX_ROWS, PostgREST's db-max-rows), whatever limit the client asked for.
 */
export function planRead(query: ReadQuery, table: TableInfo, maxRows: number): ReadPlan {
  const projection = planProjection(query.select, table);
  for (const filter of query.filters) assertColumn(table, filter.column);
  for (const term of query.order) assertColumn(table, term.column);
  return {
    table: { schema: table.schema, name: table.name },
    projection,
    filters: query.filters,
    order: query.order,
    limit: Math.min(query.limit ?? maxRows, maxRows),
    offset: query.offset ?? 0,
  };
}
