import { quoteIdent } from "@/lib/engines/sql";
import type { ProjectedColumn, Projection, TableRef } from "@/rest/plan/types";
import { castSql } from "./cast-sql";
import { defaultName, fieldSql } from "./field-sql";

/** One parameterised statement: values travel only in `values`, never inside `text`. */
export type Statement = { text: string; values: unknown[] };

/** Collects bound values and hands out their `$n` placeholders in order. */
export class Params {
  readonly values: unknown[] = [];

  add(value: unknown): string {
    this.values.push(value);
    return `$${this.values.length}`;
  }
}

export const qualifiedName = (table: TableRef) => `${quoteIdent(table.schema)}.${quoteIdent(table.name)}`;

/** The select list; JSON path keys are bound into `params` (a fresh list when the caller binds nothing else). */
export function selectList(projection: Projection, params: Params = new Params(), qualifier?: string): string {
  const star = qualifier ? `${qualifier}.*` : "*";
  if (projection.kind === "star") return star;
  const columns = projection.columns.map((column) => columnSql(column, params, qualifier));
  return (projection.star ? [star, ...columns] : columns).join(", ");
}

function columnSql({ column, alias, jsonPath, cast }: ProjectedColumn, params: Params, qualifier?: string): string {
  const plain = !cast && (jsonPath ?? []).length === 0;
  if (plain && !alias) return qualifier ? `${qualifier}.${quoteIdent(column)}` : quoteIdent(column);
  const field = fieldSql(column, jsonPath, params, qualifier);
  const expression = cast ? castSql(field, cast) : field;
  return `${expression} as ${quoteIdent(alias ?? defaultName(column, jsonPath))}`;
}

/** Turns a row source into the one row a read returns: `body`, `page_total` and `total` (an SQL expression). */
export type BodyShape = (source: string, total?: string) => string;

/**
 * Wraps a row source so PostgreSQL returns the whole JSON body in one text column (no per-row decoding in
 * Node) together with the row count for Content-Range and, when counted, the total.
 */
export const jsonBody: BodyShape = (source, total = "null::bigint") =>
  `select coalesce(json_agg(_r), '[]')::text as body, count(*) as page_total, ${total} as total from (${source}) _r`;
