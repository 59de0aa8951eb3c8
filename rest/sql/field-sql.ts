import { quoteIdent } from "@/lib/engines/sql";
import type { JsonStep } from "@/rest/parse/ast";
import type { Params } from "./statement";

/**
 * A column and its JSON path: `"data"->$1::text->>$2::int`. Keys are bound like values; the explicit type
 * picks between the `->` text (object key) and int (array index) operators, which an untyped value could not.
 */
export function fieldSql(column: string, jsonPath: JsonStep[] | undefined, params: Params, qualifier?: string): string {
  let sql = qualifier ? `${qualifier}.${quoteIdent(column)}` : quoteIdent(column);
  for (const step of jsonPath ?? []) {
    sql += `${step.arrow}${params.add(step.index ? Number(step.key) : step.key)}::${step.index ? "int" : "text"}`;
  }
  return sql;
}

/**
 * The output name PostgREST gives a JSON path without alias: its last object key (`data->a->>b` → `b`,
 * `data->a->0` → `a`), or the column when the path has only array indexes (`data->0` → `data`).
 */
export function defaultName(column: string, jsonPath: JsonStep[] | undefined): string {
  const lastKey = [...(jsonPath ?? [])].reverse().find((step) => !step.index);
  return lastKey ? lastKey.key : column;
}
