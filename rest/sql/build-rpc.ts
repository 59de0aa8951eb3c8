import { quoteIdent } from "@/lib/engines/sql";
import type { RpcPlan } from "@/rest/plan/plan-rpc";
import { orderSql } from "./build-read";
import { whereSql } from "./filter-sql";
import { Params, selectList, type Statement } from "./statement";

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
  const page = [`select ${scalarSet ? "v" : selectList(plan.projection, params)} from _source`];
  if (plan.order.length > 0) page.push(`order by ${plan.order.map((term) => orderSql(term, params)).join(", ")}`);
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

function whereClause(plan: RpcPlan, params: Params): string {
  const where = whereSql(plan, params);
  return where ? ` where ${where}` : "";
}

