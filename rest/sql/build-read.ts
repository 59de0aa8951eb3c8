import { quoteIdent } from "@/lib/engines/sql";
import type { OrderTerm } from "@/rest/parse/ast";
import type { ReadPlan } from "@/rest/plan/types";
import { filterSql } from "./filter-sql";
import { jsonBody, Params, qualifiedName, selectList, type Statement } from "./statement";

/** GET /<table> as one statement returning `body` (a JSON array as text) and `page_total`. */
export function buildReadStatement(plan: ReadPlan): Statement {
  const params = new Params();
  const parts = [`select ${selectList(plan.projection)} from ${qualifiedName(plan.table)}`];
  if (plan.filters.length > 0) parts.push(`where ${plan.filters.map((f) => filterSql(f, params)).join(" and ")}`);
  if (plan.order.length > 0) parts.push(`order by ${plan.order.map(orderSql).join(", ")}`);
  parts.push(`limit ${params.add(plan.limit)}`);
  if (plan.offset > 0) parts.push(`offset ${params.add(plan.offset)}`);
  return { text: jsonBody(parts.join(" ")), values: params.values };
}

export function orderSql(term: OrderTerm): string {
  const direction = term.direction ? ` ${term.direction}` : "";
  const nulls = term.nulls ? ` nulls ${term.nulls}` : "";
  return `${quoteIdent(term.column)}${direction}${nulls}`;
}
