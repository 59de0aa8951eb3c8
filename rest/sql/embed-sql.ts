import { quoteIdent } from "@/lib/engines/sql";
import { lateralAlias } from "@/rest/plan/plan-embeds";
import type { EmbedPlan, Projection, ResourceNode, TableRef } from "@/rest/plan/types";
import { orderSql } from "./build-read";
import { whereSql } from "./filter-sql";
import { type Params, qualifiedName, selectList } from "./statement";

/** The alias of the root row source whenever a request embeds: every root column is qualified with it. */
export const ROOT_ALIAS = "pgrst_t0";

const tableAlias = (id: number) => `pgrst_t${id}`;
const junctionAlias = (id: number) => `pgrst_j${id}`;

/**
 * A row source with its embeds: `<source> as pgrst_t0 left join lateral (…) pgrst_l1 on true …`, the select
 * items (own columns, then embeds), and the conditions `!inner` embeds add. Without embeds the source stays
 * unaliased and unqualified, exactly the statement reads had before embedding.
 */
export function withEmbeds(
  source: string,
  projection: Projection,
  embeds: EmbedPlan[] | undefined,
  params: Params,
): { from: string; items: string; qualifier: string | undefined; conditions: string[] } {
  if (!embeds || embeds.length === 0)
    return { from: source, items: selectList(projection, params), qualifier: undefined, conditions: [] };
  const joins = embeds.map((embed) => lateralSql(embed, ROOT_ALIAS, params)).join(" ");
  return {
    from: `${source} as ${ROOT_ALIAS} ${joins}`,
    items: itemsSql(projection, embeds, ROOT_ALIAS, params),
    qualifier: ROOT_ALIAS,
    conditions: innerConditions(embeds),
  };
}

function itemsSql(projection: Projection, embeds: EmbedPlan[], qualifier: string, params: Params): string {
  const own =
    projection.kind === "columns" && projection.columns.length === 0 && !projection.star
      ? []
      : [selectList(projection, params, qualifier)];
  return [...own, ...embeds.flatMap((embed) => embedItems(embed, params))].join(", ");
}

/** An embed's output: an object or null (to-one), an array (to-many), its keys lifted (spread), or nothing. */
function embedItems(embed: EmbedPlan, params: Params): string[] {
  const body = `${lateralAlias(embed.id)}.pgrst_body`;
  if (embed.hidden) return [];
  if (embed.spread) return embed.keys.map((key) => `${body}->${params.add(key)}::text as ${quoteIdent(key)}`);
  return [
    embed.toOne ? `${body} as ${quoteIdent(embed.name)}` : `coalesce(${body}, '[]'::json) as ${quoteIdent(embed.name)}`,
  ];
}

/** `!inner`: the parent row stays only when the embed found rows (its body is null otherwise). */
function innerConditions(embeds: EmbedPlan[]): string[] {
  return embeds.filter((embed) => embed.inner).map((embed) => `${lateralAlias(embed.id)}.pgrst_body is not null`);
}

/**
 * One embed as a LEFT JOIN LATERAL subquery correlated with its parent row: `pgrst_body` is the JSON object of
 * each target row (json_agg'd for to-many) and, when the parent orders by it, `pgrst_row`: the target row itself.
 */
function lateralSql(embed: EmbedPlan, parent: string, params: Params): string {
  const { node, relationship: rel } = embed;
  const alias = tableAlias(embed.id);
  const from = [`${qualifiedName(embed.table)} as ${alias}`];
  const conditions: string[] = [];
  if (rel.kind === "direct") {
    conditions.push(
      ...rel.columns.map((pair) => `${alias}.${quoteIdent(pair.target)} = ${parent}.${quoteIdent(pair.source)}`),
    );
  } else {
    const junction = junctionAlias(embed.id);
    const junctionTable: TableRef = { schema: embed.table.schema, name: rel.junction };
    const on = rel.targetColumns.map(
      (pair) => `${junction}.${quoteIdent(pair.source)} = ${alias}.${quoteIdent(pair.target)}`,
    );
    from.push(`join ${qualifiedName(junctionTable)} as ${junction} on ${on.join(" and ")}`);
    conditions.push(
      ...rel.sourceColumns.map(
        (pair) => `${junction}.${quoteIdent(pair.source)} = ${parent}.${quoteIdent(pair.target)}`,
      ),
    );
  }
  from.push(...node.embeds.map((child) => lateralSql(child, alias, params)));
  const rows = [
    `select ${objectSql(node, alias, params)} as pgrst_body${embed.ordersParent ? `, ${alias} as pgrst_row` : ""} from ${from.join(" ")}`,
  ];
  const where = whereSql(node, params, alias);
  if (where) conditions.push(where);
  conditions.push(...innerConditions(node.embeds));
  rows.push(`where ${conditions.join(" and ")}`);
  rows.push(...pageSql(node, alias, params));
  const lateral = embed.toOne
    ? rows.join(" ")
    : `select json_agg(pgrst_s.pgrst_body) as pgrst_body from (${rows.join(" ")}) pgrst_s`;
  return `left join lateral (${lateral}) as ${lateralAlias(embed.id)} on true`;
}

/** The JSON object of one embedded row, keys in select order; `{}` when it selects nothing (`target()`). */
function objectSql(node: ResourceNode, alias: string, params: Params): string {
  const items = itemsSql(node.projection, node.embeds, alias, params);
  return items === "" ? "'{}'::json" : `(select row_to_json(pgrst_r) from (select ${items}) pgrst_r)`;
}

function pageSql(node: ResourceNode, alias: string, params: Params): string[] {
  const page: string[] = [];
  if (node.order.length > 0)
    page.push(`order by ${node.order.map((term) => orderSql(term, params, alias)).join(", ")}`);
  if (node.limit !== null) page.push(`limit ${params.add(node.limit)}`);
  if (node.offset > 0) page.push(`offset ${params.add(node.offset)}`);
  return page;
}
