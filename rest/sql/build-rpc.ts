import { quoteIdent } from "@/lib/engines/sql";
import type { RpcPlan } from "@/rest/plan/plan-rpc";
import { orderSql } from "./build-read";
import { whereSql } from "./filter-sql";
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
  if (returns.kind === "void")
    return { text: `select ${call}, null::text as body, 0 as page_total, 0 as total`, values: params.values };
  if (returns.kind === "scalar" && !returnsSet) {
    return { text: `select to_json(${call})::text as body, 1 as page_total, 1 as total`, values: params.values };
  }
  const scalarSet = returns.kind === "scalar";
  const source = scalarSet ? `select _f.v from ${call} as _f(v)` : compositeSource(plan, call, params);
  const rows = scalarSet
    ? { from: "_source", items: "v", qualifier: undefined, conditions: [] }
    : withEmbeds("_source", plan.projection, plan.embeds, params);
  const page = [`select ${rows.items} from ${rows.from}`];
  if (plan.order.length > 0)
    page.push(`order by ${plan.order.map((term) => orderSql(term, params, rows.qualifier)).join(", ")}`);
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
  if (plan.args.kind === "whole-body")
    return `${params.add(plan.args.json)}::${plan.fn.params[0]?.type === "jsonb" ? "jsonb" : "json"}`;
  // Named notation reaches a VARIADIC parameter only with the VARIADIC keyword (an array argument).
  return plan.args.values
    .map(({ name, value, variadic }) => `${variadic ? "variadic " : ""}${quoteIdent(name)} => ${params.add(value)}`)
    .join(", ");
}

/**
 * The function's rows after every root condition. With embeds, `!inner` and presence tests (`directors=is.null`)
 * need them joined here too, so the total (Prefer: count=exact) counts exactly the rows the page draws from.
 */
function compositeSource(plan: RpcPlan, call: string, params: Params): string {
  const joined = withEmbeds(call, { kind: "star" }, plan.embeds, params);
  const own = whereSql(plan, params, joined.qualifier);
  const where = [...(own ? [own] : []), ...joined.conditions];
  const alias = joined.qualifier ? "" : " as _f";
  return `select ${joined.items} from ${joined.from}${alias}${where.length > 0 ? ` where ${where.join(" and ")}` : ""}`;
}
