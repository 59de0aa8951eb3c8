import type { OrderTerm } from "@/rest/parse/ast";
import type { ReadPlan } from "@/rest/plan/types";
import { fieldSql } from "./field-sql";
import { whereSql } from "./filter-sql";
import { withEmbeds } from "./embed-sql";
import { jsonBody, Params, qualifiedName, type BodyShape, type Statement } from "./statement";

/**
 * GET /<table> as one statement returning `body` (the page as a JSON array, text, or `shape`'s form),
 * `page_total` and, when a count is wanted, `total` (an exact count over the same conditions, in the same
 * snapshot). A planned or estimated count adds an EXPLAIN of the counted query as a follow-up in the same round trip.
 */
export function buildReadStatement(
  plan: ReadPlan,
  shape: BodyShape = jsonBody,
): Statement & { followUps?: Statement[] } {
  const params = new Params();
  const { from, items, where, qualifier } = readSource(plan, params);
  const source = [`select ${items} from ${from}`];
  if (where) source.push(`where ${where}`);
  if (plan.order.length > 0)
    source.push(`order by ${plan.order.map((term) => orderSql(term, params, qualifier)).join(", ")}`);
  if (plan.page.limit !== null) source.push(`limit ${params.add(plan.page.limit)}`);
  if (plan.page.offset > 0) source.push(`offset ${params.add(plan.page.offset)}`);
  const exact = plan.count === "exact" || plan.count === "estimated";
  const total = exact ? `(select count(*) from ${from}${where ? ` where ${where}` : ""})` : "null::bigint";
  const text = shape(source.join(" "), total);
  const statement = { text, values: params.values };
  if (plan.count !== "planned" && plan.count !== "estimated") return statement;
  return { ...statement, followUps: [explainCount(plan)] };
}

/** The table with its embeds, the select items and every condition (own filters and `!inner` embeds). */
function readSource(plan: ReadPlan, params: Params) {
  const { from, items, qualifier, conditions } = withEmbeds(
    qualifiedName(plan.table),
    plan.projection,
    plan.embeds,
    params,
  );
  const own = whereSql(plan, params, qualifier);
  const where = [...(own ? [own] : []), ...conditions].join(" and ");
  return { from, items, qualifier, where };
}

/** PostgREST's planned count: the planner's row estimate for the filtered table, from EXPLAIN's JSON. */
function explainCount(plan: ReadPlan): Statement {
  const params = new Params();
  const { from, where } = readSource(plan, params);
  const text = `explain (format json) select 1 from ${from}${where ? ` where ${where}` : ""}`;
  return { text, values: params.values };
}

/** One order term; `relationAlias` (a to-one embed's lateral) orders by that embed's row. */
export function orderSql(term: OrderTerm, params: Params, qualifier?: string): string {
  const direction = term.direction ? ` ${term.direction}` : "";
  const nulls = term.nulls ? ` nulls ${term.nulls}` : "";
  const owner = term.relationAlias ? `(${term.relationAlias}.pgrst_row)` : qualifier;
  return `${fieldSql(term.column, term.jsonPath, params, owner)}${direction}${nulls}`;
}
