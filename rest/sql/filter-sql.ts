import { quoteIdent } from "@/lib/engines/sql";
import type { Filter } from "@/rest/parse/ast";
import type { Params } from "./statement";

const OPERATORS = { eq: "=", neq: "<>", gt: ">", gte: ">=", lt: "<", lte: "<=", like: "like", ilike: "ilike" } as const;
const IS_SQL = { null: "is null", not_null: "is not null", true: "is true", false: "is false", unknown: "is unknown" } as const;

/**
 * One filter as SQL. Values are bound untyped, so PostgreSQL infers each parameter's type from the column it
 * is compared with (text input parsed as that type, exactly as PostgREST does); `in` binds one array.
 */
export function filterSql(filter: Filter, params: Params): string {
  const column = quoteIdent(filter.column);
  let condition: string;
  switch (filter.operator) {
    case "is":
      condition = `${column} ${IS_SQL[filter.value]}`;
      break;
    case "in":
      condition = `${column} = any (${params.add(filter.values)})`;
      break;
    default:
      condition = `${column} ${OPERATORS[filter.operator]} ${params.add(filter.value)}`;
  }
  return filter.negated ? `not (${condition})` : condition;
}
