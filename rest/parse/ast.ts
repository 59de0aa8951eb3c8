/** The query-string grammar of this slice, parsed but not yet checked against any table. */

/** `*`, or a column, optionally renamed: `alias:column`. */
export type SelectItem = { kind: "star" } | { kind: "column"; column: string; alias: string | null };

export type ComparisonOperator = "eq" | "neq" | "gt" | "gte" | "lt" | "lte" | "like" | "ilike";
export type IsValue = "null" | "not_null" | "true" | "false" | "unknown";

export type Filter =
  | { column: string; negated: boolean; operator: ComparisonOperator; value: string }
  | { column: string; negated: boolean; operator: "in"; values: Array<string | null> }
  | { column: string; negated: boolean; operator: "is"; value: IsValue };

export type OrderTerm = { column: string; direction: "asc" | "desc" | null; nulls: "first" | "last" | null };

export type ReadQuery = {
  select: SelectItem[];
  filters: Filter[];
  order: OrderTerm[];
  limit: number | null;
  offset: number | null;
};

export type ReturnPreference = "minimal" | "representation" | "headers-only";
