import type { Filter } from "@/rest/parse/ast";
import type { MutationTarget } from "@/rest/plan/write-types";
import { orderSql } from "./build-read";
import { whereSql } from "./filter-sql";
import type { Params } from "./statement";

/** The filters a PUT applies to its payload row (PUT accepts no logic trees). */
export function filtersSql(filters: Filter[], params: Params): string | null {
  return whereSql({ filters, logic: [] }, params);
}

/**
 * The WHERE clause of an UPDATE/DELETE. With limit/offset, the rows are chosen by a sub-select in the
 * requested order and matched back by ctid (tables only), so exactly that window changes.
 */
export function mutationWhere(target: MutationTarget, table: string, params: Params): string {
  const filters = whereSql(target, params);
  if (target.limit === null && target.offset === null) return filters ? ` where ${filters}` : "";
  const window = [`select ctid from ${table}`];
  if (filters) window.push(`where ${filters}`);
  window.push(`order by ${target.order.map((term) => orderSql(term, params)).join(", ")}`);
  if (target.limit !== null) window.push(`limit ${params.add(target.limit)}`);
  if (target.offset !== null) window.push(`offset ${params.add(target.offset)}`);
  return ` where ctid = any(array(${window.join(" ")}))`;
}
