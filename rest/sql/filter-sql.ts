import type { Filter, LogicTree, ReadQuery } from "@/rest/parse/ast";
import { RestError } from "@/rest/respond/rest-error";
import { fieldSql } from "./field-sql";
import type { Params } from "./statement";

const OPERATORS = {
  eq: "=",
  neq: "<>",
  gt: ">",
  gte: ">=",
  lt: "<",
  lte: "<=",
  like: "like",
  ilike: "ilike",
  match: "~",
  imatch: "~*",
  isdistinct: "is distinct from",
  cs: "@>",
  cd: "<@",
  ov: "&&",
  sl: "<<",
  sr: ">>",
  nxr: "&<",
  nxl: "&>",
  adj: "-|-",
} as const;
const IS_SQL = {
  null: "is null",
  not_null: "is not null",
  true: "is true",
  false: "is false",
  unknown: "is unknown",
} as const;
const FTS_FUNCTIONS = {
  fts: "to_tsquery",
  plfts: "plainto_tsquery",
  phfts: "phraseto_tsquery",
  wfts: "websearch_to_tsquery",
} as const;

/**
 * One filter as SQL. Values are bound untyped, so PostgreSQL infers each parameter's type from the column it
 * is compared with (text input parsed as that type, exactly as PostgREST does); `in` binds one array and
 * `(any)`/`(all)` bind the client's array literal whole.
 */
export function filterSql(filter: Filter, params: Params, qualifier?: string): string {
  // `actors=not.is.null`: the embed's lateral body is null exactly when no embedded row matched.
  const field = filter.embed
    ? `${filter.embed}.pgrst_body`
    : fieldSql(filter.column, filter.jsonPath, params, qualifier);
  let condition: string;
  switch (filter.operator) {
    case "is":
      condition = `${field} ${IS_SQL[filter.value]}`;
      break;
    case "in":
      condition = `${field} = any (${params.add(filter.values)})`;
      break;
    case "fts":
    case "plfts":
    case "phfts":
    case "wfts": {
      const language = filter.language === null ? "" : `${params.add(filter.language)}::regconfig, `;
      const document = filter.toTsvector ? `to_tsvector(${language}${field})` : field;
      condition = `${document} @@ ${FTS_FUNCTIONS[filter.operator]}(${language}${params.add(filter.value)})`;
      break;
    }
    default:
      condition =
        "quantifier" in filter
          ? `${field} ${OPERATORS[filter.operator]} ${filter.quantifier} (${params.add(filter.value)})`
          : `${field} ${OPERATORS[filter.operator]} ${params.add(filter.value)}`;
  }
  return filter.negated ? `not (${condition})` : condition;
}

export function logicSql(tree: LogicTree, params: Params, qualifier?: string): string {
  const parts = tree.children.map((child) =>
    "children" in child ? logicSql(child, params, qualifier) : filterSql(child, params, qualifier),
  );
  const joined = `(${parts.join(` ${tree.operator} `)})`;
  return tree.negated ? `not ${joined}` : joined;
}

/**
 * Every condition of a parsed query (filters and logic trees) as one boolean expression, or null when there is
 * none. PATCH, DELETE and RPC reads share it so they filter exactly as GET does. A condition on an embed is
 * refused rather than dropped: silently ignoring `author.id=eq.1` would widen a DELETE to every row.
 */
export function whereSql(
  query: Pick<ReadQuery, "filters" | "logic">,
  params: Params,
  qualifier?: string,
): string | null {
  const logic = query.logic ?? [];
  const embedded = [...query.filters.map((f) => f.path ?? []), ...logic.map((t) => t.path)].find(
    (path) => path.length > 0,
  );
  if (embedded) {
    throw new RestError(400, {
      code: "PGRST200",
      message: `Could not find a relationship to '${embedded[0] ?? ""}' in the schema cache`,
      hint: "Resource embedding is not supported in this version; filter on the table's own columns",
    });
  }
  const conditions = [
    ...query.filters.map((f) => filterSql(f, params, qualifier)),
    ...logic.map((t) => logicSql(t, params, qualifier)),
  ];
  return conditions.length > 0 ? conditions.join(" and ") : null;
}
