/** The query-string grammar of reads, parsed but not yet checked against any table. */

/** One `->key` / `->>key` step of a JSON path; `index` steps (`->0`, `->-1`) address array elements. */
export type JsonStep = { arrow: "->" | "->>"; key: string; index: boolean };

/** A column, optionally followed by a JSON path: `data->a->>b`. */
export type Field = { column: string; jsonPath: JsonStep[] };

/**
 * One item of `select=`. Embeds (`author(name)`) will be another variant with `kind: "embed"`; everything that
 * consumes SelectItem switches on `kind`, so adding it is additive.
 */
export type SelectItem =
  | { kind: "star" }
  | { kind: "column"; column: string; alias: string | null; jsonPath?: JsonStep[]; cast?: string | null };

/** The embed a filter, logic tree or order applies to: `[]` is the root table, `["author"]` is `author.col=…`. */
export type EmbedPath = string[];

export type ComparisonOperator = "eq" | "neq" | "gt" | "gte" | "lt" | "lte" | "like" | "ilike" | "match" | "imatch";
export type SimpleOperator = ComparisonOperator | "isdistinct" | "cs" | "cd" | "ov" | "sl" | "sr" | "nxr" | "nxl" | "adj";
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

/** `[path.]column[->json]=[not.]operator.value`. `column` and `negated` stay top level for existing callers. */
export type Filter = { path: EmbedPath; column: string; jsonPath: JsonStep[]; negated: boolean } & Predicate;

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
};

export type ReturnPreference = "minimal" | "representation" | "headers-only";
export type CountPreference = "exact" | "planned" | "estimated";
