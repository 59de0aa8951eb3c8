import { quoteIdent } from "@/lib/engines/sql";
import type { Projection, TableRef } from "@/rest/plan/types";

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

export function selectList(projection: Projection): string {
  if (projection.kind === "star") return "*";
  return projection.columns
    .map(({ column, alias }) => (alias ? `${quoteIdent(column)} as ${quoteIdent(alias)}` : quoteIdent(column)))
    .join(", ");
}

/**
 * Wraps a row source so PostgreSQL returns the whole JSON body in one text column (no per-row decoding in
 * Node) together with the row count for Content-Range.
 */
export const jsonBody = (source: string) =>
  `select coalesce(json_agg(_r), '[]')::text as body, count(*) as page_total from (${source}) _r`;
