import type { CountPreference, Filter, LogicTree, ReadQuery } from "@/rest/parse/ast";
import type { RangeHeader } from "@/rest/parse/parse-range-header";
import type { TableInfo } from "@/rest/schema-cache/types";
import { planPage } from "./plan-page";
import { assertColumn, planProjection } from "./plan-projection";
import { refuseEmbedPath } from "./refuse-embed";
import type { ReadPlan } from "./types";

export type ReadOptions = { range?: RangeHeader | null; count?: CountPreference | null };

/**
 * Binds a parsed GET to one table: every column must exist, conditions on embeds are refused (no embedding
 * yet), and the page never exceeds `maxRows` (FLUX_REST_MAX_ROWS, PostgREST's db-max-rows).
 */
export function planRead(query: ReadQuery, table: TableInfo, maxRows: number, options: ReadOptions = {}): ReadPlan {
  const projection = planProjection(query.select, table);
  for (const filter of query.filters) checkFilter(table, filter);
  for (const tree of query.logic ?? []) checkTree(table, tree);
  for (const term of query.order) {
    refuseEmbedPath(table, term.path ?? []);
    assertColumn(table, term.column);
  }
  const page = planPage(query, options.range ?? null, maxRows);
  return {
    table: { schema: table.schema, name: table.name },
    projection,
    filters: query.filters,
    logic: query.logic ?? [],
    order: query.order,
    page,
    count: options.count ?? null,
    limit: page.limit ?? maxRows,
    offset: page.offset,
  };
}

function checkFilter(table: TableInfo, filter: Filter): void {
  refuseEmbedPath(table, filter.path ?? []);
  assertColumn(table, filter.column);
}

function checkTree(table: TableInfo, tree: LogicTree): void {
  refuseEmbedPath(table, tree.path);
  for (const child of tree.children) {
    if ("children" in child) checkTree(table, child);
    else assertColumn(table, child.column);
  }
}
