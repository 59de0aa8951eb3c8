import type { CountPreference, Filter, JsonStep, LogicTree, OrderTerm } from "@/rest/parse/ast";

/** A table the statement touches, as named in the catalog (schema-qualified, unquoted). */
export type TableRef = { schema: string; name: string };

/** One output column: a column, optionally a JSON path into it, a cast and an alias. */
export type ProjectedColumn = { column: string; alias: string | null; jsonPath?: JsonStep[]; cast?: string | null };

/**
 * Output columns; `star` means every column in declaration order. `columns` with `star: true` is
 * `select=*,extra:data->>a` (every column, then the listed ones).
 */
export type Projection = { kind: "star" } | { kind: "columns"; columns: ProjectedColumn[]; star?: boolean };

/** The rows asked for: by limit/offset and the Range header, capped by FLUX_REST_MAX_ROWS. null = no limit. */
export type Page = { offset: number; limit: number | null };

/** Every name in a plan has been checked against the schema cache; only root-level conditions remain. */
export type ReadPlan = {
  table: TableRef;
  projection: Projection;
  filters: Filter[];
  logic: LogicTree[];
  order: OrderTerm[];
  page: Page;
  count: CountPreference | null;
  /** Kept for callers that read it directly; equal to page.limit (or maxRows when unlimited). */
  limit: number;
  offset: number;
};
