import type { Filter, LogicTree, OrderTerm } from "@/rest/parse/ast";
import type { EmbedPlan, Projection, TableRef } from "./types";

/** What a write hands back to the caller; every name has been checked against the schema cache. */
export type WriteReturning = {
  /** return=representation: the selected columns (never `star`: expanded, so helper columns stay out). */
  projection: Projection | null;
  /** Embeds of the representation (`select=title,directors(*)`), built over the written rows. */
  embeds?: EmbedPlan[];
  /** return=headers-only on a table with a primary key: its columns, for the Location header. */
  keyColumns: string[];
  /** Upserts tell inserted rows from updated ones (201 vs 200). */
  countInserted: boolean;
};

/**
 * Rows with the same present columns, inserted by one INSERT so absent columns take their defaults. `rows`:
 * their 1-based positions in the payload array, or null for every row.
 */
export type InsertGroup = { columns: string[]; rows: number[] | null };

export type InsertPlan = {
  table: TableRef;
  /** Every inserted column (the union over groups); an upsert's DO UPDATE sets them all. */
  columns: string[];
  /** The payload's JSON text as sent (one object or an array), bound once. */
  payloadJson: string;
  groups: InsertGroup[];
  conflict: { target: string[]; action: "merge" | "ignore" } | null;
  /** PUT: the URL's primary-key filters, applied to the payload row so a mismatch inserts nothing. */
  sourceFilters: Filter[];
  /** PUT takes only the payload's first row. */
  firstRowOnly: boolean;
  returning: WriteReturning;
};

/** Which rows PATCH and DELETE touch: filters, and an ordered limit/offset window (PostgREST 12). */
export type MutationTarget = {
  filters: Filter[];
  /** `or=(…)` / `and=(…)` trees: without them a PATCH/DELETE would widen to rows the client excluded. */
  logic: LogicTree[];
  order: OrderTerm[];
  limit: number | null;
  offset: number | null;
};

export type UpdatePlan = {
  table: TableRef;
  /** Empty: nothing to set, so nothing is updated (PostgREST answers as if no row matched). */
  columns: string[];
  /** The payload's JSON text as sent; its first object (or the object itself) is applied. */
  payloadJson: string;
  target: MutationTarget;
  returning: WriteReturning;
};

export type DeletePlan = { table: TableRef; target: MutationTarget; returning: WriteReturning };
