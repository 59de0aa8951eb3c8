import type { EmbedItem, EmbedPath, Filter, LogicTree, OrderTerm, ReadQuery, SelectItem } from "@/rest/parse/ast";
import { findRelationship } from "@/rest/relationships/find-relationship";
import { columnNotFound, RestError } from "@/rest/respond/rest-error";
import type { SchemaSnapshot, TableInfo } from "@/rest/schema-cache/types";
import { defaultName } from "@/rest/sql/field-sql";
import { notEmbedded, notToOne, spreadNotToOne } from "./embed-errors";
import { planProjection } from "./plan-projection";
import type { EmbedPlan, Projection, ResourceNode } from "./types";

/** What embedding needs from the schema cache: the tables and the relationships between them. */
export type EmbedScope = Pick<SchemaSnapshot, "schema" | "tables" | "relationships">;

/** A planned resource with the tables and children its conditions are checked against. */
type Level = { table: TableInfo; node: ResourceNode; children: Map<string, { embed: EmbedPlan; level: Level }> };

/** The generated SQL alias of an embed's lateral subquery. */
export const lateralAlias = (id: number) => `pgrst_l${id}`;

/**
 * Binds `select` (with its embeds, at any depth) and every condition of a query to the resources they name:
 * `actors.first_name=eq.x` goes to the `actors` embed, `actors=not.is.null` tests that embed's presence,
 * `order=clients(name)` orders by a to-one embed. Naming a resource that is not embedded is PGRST108.
 */
export function planResourceTree(
  query: Pick<ReadQuery, "select" | "filters" | "logic" | "order" | "embedPages">,
  table: TableInfo,
  scope: EmbedScope | null,
): ResourceNode {
  const counter = { next: 1 };
  const root = planLevel(query.select, table, scope, counter);
  for (const filter of query.filters) {
    const level = locate(root, filter.path ?? []);
    level.node.filters.push(checkFilter(level, { ...filter, path: [] }));
  }
  for (const tree of query.logic ?? []) {
    const level = locate(root, tree.path);
    level.node.logic.push(checkTree(level, tree));
  }
  for (const term of query.order) {
    const level = locate(root, term.path ?? []);
    level.node.order.push(checkOrder(level, term));
  }
  for (const page of query.embedPages ?? []) {
    const { node } = locate(root, page.path);
    if (page.limit !== null) node.limit = page.limit;
    if (page.offset !== null) node.offset = page.offset;
  }
  return root.node;
}

function planLevel(select: SelectItem[], table: TableInfo, scope: EmbedScope | null, counter: { next: number }): Level {
  // `target()` selects nothing: only its presence matters.
  const projection: Projection = select.length === 0 ? { kind: "columns", columns: [] } : planProjection(select, table);
  const node: ResourceNode = { projection, embeds: [], filters: [], logic: [], order: [], limit: null, offset: 0 };
  const level: Level = { table, node, children: new Map() };
  for (const item of select) {
    if (item.kind !== "embed") continue;
    const child = planEmbed(item, table, scope, counter);
    node.embeds.push(child.embed);
    level.children.set(child.embed.name, child);
  }
  return level;
}

function planEmbed(
  item: EmbedItem,
  table: TableInfo,
  scope: EmbedScope | null,
  counter: { next: number },
): { embed: EmbedPlan; level: Level } {
  const relationships = scope?.relationships ?? [];
  const relationship = findRelationship(relationships, {
    schema: table.schema,
    source: table.name,
    target: item.target,
    hint: item.hint,
  });
  const target = scope?.tables.get(relationship.target);
  if (!target) throw columnNotFound(table.name, item.target);
  const toOne = relationship.cardinality === "many-to-one" || relationship.cardinality === "one-to-one";
  if (item.spread && !toOne) throw spreadNotToOne(table.name, item.target);
  const id = counter.next++;
  const level = planLevel(item.select, target, scope, counter);
  const embed: EmbedPlan = {
    id,
    name: item.alias ?? item.target,
    table: { schema: target.schema, name: target.name },
    relationship,
    toOne,
    inner: item.join === "inner",
    spread: item.spread,
    hidden: item.select.length === 0,
    keys: outputKeys(level),
    node: level.node,
  };
  return { embed, level };
}

/** The keys a resource's objects carry, in PostgREST's order: columns, then embeds (spreads lifted). */
function outputKeys(level: Level): string[] {
  const { projection, embeds } = level.node;
  const columns =
    projection.kind === "star"
      ? [...level.table.columns.keys()]
      : [
          ...(projection.star ? [...level.table.columns.keys()] : []),
          ...projection.columns.map((column) => column.alias ?? defaultName(column.column, column.jsonPath)),
        ];
  const nested = embeds.flatMap((embed) => (embed.hidden ? [] : embed.spread ? embed.keys : [embed.name]));
  return [...columns, ...nested];
}

/** Follows `a.b` from the root; the first name that is not embedded there is PGRST108. */
function locate(root: Level, path: EmbedPath): Level {
  let level = root;
  for (const name of path) {
    const child = level.children.get(name);
    if (!child) throw notEmbedded(name);
    level = child.level;
  }
  return level;
}

/**
 * A column filter, or (when the name is an embed of this level) a presence test: only `is.null` and
 * `not.is.null` make sense on a resource (PGRST120 otherwise). Full-text search on text goes via to_tsvector.
 */
function checkFilter(level: Level, filter: Filter): Filter {
  if (!level.table.columns.has(filter.column)) {
    const child = level.children.get(filter.column);
    if (!child) throw columnNotFound(level.table.name, filter.column);
    const presence =
      filter.operator === "is" &&
      (filter.value === "null" || filter.value === "not_null") &&
      filter.jsonPath.length === 0;
    if (!presence) {
      throw new RestError(400, {
        code: "PGRST120",
        message: `Bad operator on the '${filter.column}' embedded resource`,
        details: "Only is null or not is null filters are allowed on embedded resources",
      });
    }
    return { ...filter, embed: lateralAlias(child.embed.id) };
  }
  if (!("language" in filter)) return filter;
  const searchesText = filter.jsonPath.length > 0 || level.table.columns.get(filter.column)?.dataType !== "tsvector";
  return searchesText ? { ...filter, toTsvector: true } : filter;
}

function checkTree(level: Level, tree: LogicTree): LogicTree {
  const children = tree.children.map((child) =>
    "children" in child ? checkTree(level, child) : checkFilter(level, { ...child, path: [] }),
  );
  return { ...tree, path: [], children };
}

/** `order=col` on this level, or `order=clients(name)` on a to-one embed of it (PGRST118 for to-many). */
function checkOrder(level: Level, term: OrderTerm): OrderTerm {
  if (term.relation === undefined) {
    if (!level.table.columns.has(term.column)) throw columnNotFound(level.table.name, term.column);
    return { ...term, path: [] };
  }
  const child = level.children.get(term.relation);
  if (!child) throw notEmbedded(term.relation);
  if (!child.embed.toOne) throw notToOne(level.table.name, term.relation);
  if (!child.level.table.columns.has(term.column)) throw columnNotFound(child.level.table.name, term.column);
  child.embed.ordersParent = true;
  return { ...term, path: [], relationAlias: lateralAlias(child.embed.id) };
}
