import type { CountPreference, Filter, LogicTree, ReadQuery } from "@/rest/parse/ast";
import type { RangeHeader } from "@/rest/parse/parse-range-header";
import type { TableInfo } from "@/rest/schema-cache/types";
import { planPage } from "./plan-page";
import { assertColumn } from "./plan-projection";
import { type EmbedScope, planResourceTree } from "./plan-embeds";
import { refuseEmbedPath } from "./refuse-embed";
import type { ReadPlan } from "./types";

export type ReadOptions = { range?: RangeHeader | null; count?: CountPreference | null; scope?: EmbedScope | null };

/**
 * Binds a parsed GET to one table and its embeds (`scope`: the schema's tables and relationships): every
 * column and relationship must exist, and the page never exceeds `maxRows` (FLUX_REST_MAX_ROWS, db-max-rows).
 */
export function planRead(query: ReadQuery, table: TableInfo, maxRows: number, options: ReadOptions = {}): ReadPlan {
  const root = planResourceTree(query, table, options.scope ?? null);
  const page = planPage(query, options.range ?? null, maxRows);
  return {
    table: { schema: table.schema, name: table.name },
    projection: root.projection,
    embeds: root.embeds,
    filters: root.filters,
    logic: root.logic,
    order: root.order,
    page,
    count: options.count ?? null,
    limit: page.limit ?? maxRows,
    offset: page.offset,
  };
}

/**
 * The row conditions of a write or RPC (filters and logic trees), every column checked against the table;
 * conditions on embeds are refused there.
 */
export function planConditions(
  query: Pick<ReadQuery, "filters" | "logic">,
  table: TableInfo,
): Pick<ReadPlan, "filters" | "logic"> {
  return {
    filters: query.filters.map((filter) => checkFilter(table, filter)),
    logic: (query.logic ?? []).map((tree) => checkTree(table, tree)),
  };
}

/** Checks the column; full-text search on a column that is not a tsvector goes through to_tsvector. */
function checkFilter(table: TableInfo, filter: Filter): Filter {
  refuseEmbedPath(table, filter.path ?? []);
  assertColumn(table, filter.column);
  if (!("language" in filter)) return filter;
  const searchesText = filter.jsonPath.length > 0 || table.columns.get(filter.column)?.dataType !== "tsvector";
  return searchesText ? { ...filter, toTsvector: true } : filter;
}

function checkTree(table: TableInfo, tree: LogicTree): LogicTree {
  refuseEmbedPath(table, tree.path);
  const children = tree.children.map((child) =>
    "children" in child ? checkTree(table, child) : checkFilter(table, child),
  );
  return { ...tree, children };
}
