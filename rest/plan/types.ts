import type { Filter, OrderTerm } from "@/rest/parse/ast";

/** A table the statement touches, as named in the catalog (schema-qualified, unquoted). */
export type TableRef = { schema: string; name: string };

/** Output columns; `star` means every column in declaration order. */
export type Projection = { kind: "star" } | { kind: "columns"; columns: Array<{ column: string; alias: string | null }> };

/** Every name in a plan has been checked against the schema cache. */
export type ReadPlan = {
  table: TableRef;
  projection: Projection;
  filters: Filter[];
  order: OrderTerm[];
  limit: number;
  offset: number;
};
