/** The query-string grammar of reads, parsed but not yet checked against any table. */

/** One `->key` / `->>key` step of a JSON path; `index` steps (`->0`, `->-1`) address array elements. */
export type JsonStep = { arrow: "->" | "->>"; key: string; index: boolean };

/** A column, optionally followed by a JSON path: `data->a->>b`. */
export type Field = { column: string; jsonPath: JsonStep[] };

/**
 * `alias:target!hint!inner(items)`, `...target(items)` (spread) or `target()` (embedded only to filter on).
 * `join` is the `!inner` / `!left` modifier; `hint` names a foreign key, one of its columns or a junction table.
 */
export type EmbedItem = {
  kind: "embed";
  target: string;
  alias: string | null;
  hint: string | null;
  join: "inner" | "left" | null;
  spread: boolean;
  select: SelectItem[];
};

/** One item of `select=`; everything that consumes SelectItem switches on `kind`. */
export type SelectItem =
  | { kind: "star" }
  | { kind: "column"; column: string; alias: string | null; jsonPath?: JsonStep[]; cast?: string | null }
  | EmbedItem;

/** The embed a filter, logic tree or order applies to: `[]` is the root table, `["author"]` is `author.col=…`. */
export type EmbedPath = string[];

export type ComparisonOperator = "eq" | "neq" | "gt" | "gte" | "lt" | "lte" | "like" | "ilike" | "match" | "imatch";
export type SimpleOperator =
  ComparisonOperator | "isdistinct" | "cs" | "cd" | "ov" | "sl" | "sr" | "nxr" | "nxl" | "adj";
/** Operators that accept the `(any)` / `(all)` modifier, as in PostgREST. */
export type QuantifiableOperator = "eq" | "like" | "ilike" | "gt" | "gte" | "lt" | "lte" | "match" | "imatch";
export type FtsOperator = "fts" | "plfts" | "phfts" | "wfts";
export type IsValue = "null" | "not_null" | "true" | "false" | "unknown";

export type Predicate =
  | { operator: SimpleOperator; value: string }
  /** `eq(any).{a,b}`: value is the PostgreSQL array literal, bound whole. */
  | { operator: QuantifiableOperator; quantifier: "any" | "all"; value: string }
  | { operator: "in"; values: Array<string | null> }
  | { operator: "is"; value: IsValue }
  /** `toTsvector`: set by the planner for a text/json column, which PostgREST searches via to_tsvector. */
  | { operator: FtsOperator; language: string | null; value: string; toTsvector?: boolean };

/**
 * `[path.]column[->json]=[not.]operator.value`. `column` and `negated` stay top level for existing callers.
 * `embed` is set by the planner when `column` names an embedded resource (`actors=not.is.null`): the generated
 * SQL alias of that embed, whose presence the filter tests.
 */
export type Filter = {
  path: EmbedPath;
  column: string;
  jsonPath: JsonStep[];
  negated: boolean;
  embed?: string;
} & Predicate;

/** `or=(a.eq.1,and(b.gt.2,c.is.null))`, `not.and=(…)`, `author.or=(…)`. */
export type LogicTree = {
  kind: "logic";
  path: EmbedPath;
  operator: "and" | "or";
  negated: boolean;
  children: Array<Filter | LogicTree>;
};

export type OrderTerm = {
  path: EmbedPath;
  /** `order=clients(name)`: orders by a column of a to-one embed (named as in select). */
  relation?: string;
  /** Set by the planner: the SQL alias of `relation`'s embed. */
  relationAlias?: string;
  column: string;
  jsonPath: JsonStep[];
  direction: "asc" | "desc" | null;
  nulls: "first" | "last" | null;
};

export type ReadQuery = {
  select: SelectItem[];
  filters: Filter[];
  logic: LogicTree[];
  order: OrderTerm[];
  limit: number | null;
  offset: number | null;
  /** `actors.limit=2`, `actors.offset=1`: pages of embedded to-many resources. */
  embedPages?: EmbedPage[];
};

export type EmbedPage = { path: EmbedPath; limit: number | null; offset: number | null };

export type ReturnPreference = "minimal" | "representation" | "headers-only";
export type CountPreference = "exact" | "planned" | "estimated";
