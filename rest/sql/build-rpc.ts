import { quoteIdent } from "@/lib/engines/sql";
import type { RpcPlan } from "@/rest/plan/plan-rpc";
import { orderSql } from "./build-read";
import { whereSql } from "./filter-sql";
import type { LogicTree } from "@/rest/parse/ast";
import { withEmbeds } from "./embed-sql";
import { Params, type Statement } from "./statement";

/**
 * `/rpc/<fn>` as one statement returning `body` (JSON text, or null for void), `page_total` and `total`
 * (every row after filters, for Prefer: count=exact). Arguments are bound untyped by name, so PostgreSQL
 * types each one from the chosen function's own signature; no type name is spliced into the SQL.
 */
export function buildRpcStatement(plan: RpcPlan): Statement {
  const params = new Params();
  const call = `${quoteIdent(plan.fn.schema)}.${quoteIdent(plan.fn.name)}(${argumentList(plan, params)})`;
  const { returns, returnsSet } = plan.fn;
  if (returns.kind === "void") return { text: `select ${call}, null::text as body, 0 as page_total, 0 as total`, values: params.values };
  if (returns.kind === "scalar" && !returnsSet) {
    return { text: `select to_json(${call})::text as body, 1 as page_total, 1 as total`, values: params.values };
  }
  const scalarSet = returns.kind === "scalar";
  const source = scalarSet ? `select _f.v from ${call} as _f(v)` : `select * from ${call} as _f${whereClause(plan, params)}`;
  const rows = scalarSet ? { from: "_source", items: "v", qualifier: undefined, conditions: [] } : withEmbeds("_source", plan.projection, plan.embeds, params);
  const page = [`select ${rows.items} from ${rows.from}`];
  // Presence tests on embeds and `!inner` need the embeds joined, so they filter the page (not the total).
  const presence = [...rows.conditions, ...(rows.qualifier ? presenceSql(plan, params, rows.qualifier) : [])];
  if (presence.length > 0) page.push(`where ${presence.join(" and ")}`);
  if (plan.order.length > 0) page.push(`order by ${plan.order.map((term) => orderSql(term, params, rows.qualifier)).join(", ")}`);
  page.push(`limit ${params.add(plan.limit)}`);
  if (plan.offset > 0) page.push(`offset ${params.add(plan.offset)}`);
  const aggregate = scalarSet ? "json_agg(_r.v)" : "json_agg(_r)";
  // A single composite (not SETOF) answers one object, as PostgREST does; sets answer an array.
  const body = returnsSet ? `coalesce(${aggregate}, '[]')::text` : `(${aggregate} -> 0)::text`;
  const text =
    `with _source as materialized (${source}) ` +
    `select ${body} as body, count(*) as page_total, (select count(*) from _source) as total from (${page.join(" ")}) _r`;
  return { text, values: params.values };
}

function argumentList(plan: RpcPlan, params: Params): string {
  // json or jsonb, nothing else (planRpc checked): a fixed word, so a sibling overload cannot capture the call.
  if (plan.args.kind === "whole-body") return `${params.add(plan.args.json)}::${plan.fn.params[0]?.type === "jsonb" ? "jsonb" : "json"}`;
  // Named notation reaches a VARIADIC parameter only with the VARIADIC keyword (an array argument).
  return plan.args.values
    .map(({ name, value, variadic }) => `${variadic ? "variadic " : ""}${quoteIdent(name)} => ${params.add(value)}`)
    .join(", ");
}

/** Root conditions on the function's own columns, applied to `_source` (so the total counts them). */
function whereClause(plan: RpcPlan, params: Params): string {
  const where = whereSql({ filters: plan.filters.filter((f) => !f.embed), logic: plan.logic.filter((t) => !testsPresence(t)) }, params);
  return where ? ` where ${where}` : "";
}

function presenceSql(plan: RpcPlan, params: Params, qualifier: string): string[] {
  const where = whereSql({ filters: plan.filters.filter((f) => f.embed), logic: plan.logic.filter(testsPresence) }, params, qualifier);
  return where ? [where] : [];
}

const testsPresence = (tree: LogicTree): boolean => tree.children.some((child) => ("children" in child ? testsPresence(child) : Boolean(child.embed)));

