import type { CountPreference, Filter, JsonStep, LogicTree, OrderTerm } from "@/rest/parse/ast";
import type { Relationship } from "@/rest/relationships/types";

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

/**
 * The rows of one resource in a request: its columns, its embeds and its own conditions. The root of a read is
 * one; each embed holds one for its target.
 */
export type ResourceNode = {
  projection: Projection;
  embeds: EmbedPlan[];
  filters: Filter[];
  logic: LogicTree[];
  order: OrderTerm[];
  limit: number | null;
  offset: number;
};

/**
 * One embedded resource. `id` numbers the SQL aliases (`pgrst_t<id>`, `pgrst_l<id>`), so no client text names a
 * table in SQL. `keys` are its output keys, which a spread lifts into the parent.
 */
export type EmbedPlan = {
  id: number;
  name: string;
  table: TableRef;
  relationship: Relationship;
  toOne: boolean;
  inner: boolean;
  spread: boolean;
  /** `target()`: joined for its filters, absent from the body. */
  hidden: boolean;
  /** Its parent orders by it (`order=target(col)`): the lateral then also exposes the target row. */
  ordersParent?: boolean;
  keys: string[];
  node: ResourceNode;
};

/** Every name in a plan has been checked against the schema cache; root-level conditions stay at the top. */
export type ReadPlan = {
  table: TableRef;
  projection: Projection;
  /** Embedded resources (absent or empty without embedding); their conditions live in their own nodes. */
  embeds?: EmbedPlan[];
  filters: Filter[];
  logic: LogicTree[];
  order: OrderTerm[];
  page: Page;
  count: CountPreference | null;
  /** Kept for callers that read it directly; equal to page.limit (or maxRows when unlimited). */
  limit: number;
  offset: number;
};
