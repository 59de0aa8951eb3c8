import { quoteIdent } from "@/lib/engines/sql";
import type { Filter, OrderTerm } from "@/rest/parse/ast";
import type { MutationTarget } from "@/rest/plan/write-types";
import { filterSql } from "./filter-sql";
import type { Params } from "./statement";

/** The writes' one use of the read grammar's filter SQL: switch here when the filter AST changes. */
export function filtersSql(filters: Filter[], params: Params): string | null {
  return filters.length > 0 ? filters.map((filter) => filterSql(filter, params)).join(" and ") : null;
}

function orderSql(term: OrderTerm): string {
  const direction = term.direction ? ` ${term.direction}` : "";
  const nulls = term.nulls ? ` nulls ${term.nulls}` : "";
  return `${quoteIdent(term.column)}${direction}${nulls}`;
}

/**
 * The WHERE clause of an UPDATE/DELETE. With limit/offset, the rows are chosen by a sub-select in the
 * requested order and matched back by ctid (tables only), so exactly that window changes.
 */
export function mutationWhere(target: MutationTarget, table: string, params: Params): string {
  const filters = filtersSql(target.filters, params);
  if (target.limit === null && target.offset === null) return filters ? ` where ${filters}` : "";
  const window = [`select ctid from ${table}`];
  if (filters) window.push(`where ${filters}`);
  window.push(`order by ${target.order.map(orderSql).join(", ")}`);
  if (target.limit !== null) window.push(`limit ${params.add(target.limit)}`);
  if (target.offset !== null) window.push(`offset ${params.add(target.offset)}`);
  return ` where ctid = any(array(${window.join(" ")}))`;
}
