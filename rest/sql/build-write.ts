import { quoteIdent } from "@/lib/engines/sql";
import type { WriteReturning } from "@/rest/plan/write-types";
import { withEmbeds } from "./embed-sql";
import { Params, type Statement } from "./statement";
import type { EmbedPlan, Projection } from "@/rest/plan/types";

/** Marks rows an upsert inserted (xmax = 0) rather than updated; never part of a response body. */
const INSERTED = "pgrst_inserted";

/** The RETURNING list of one data-modifying statement: only what the response needs. */
export function returningSql(returning: WriteReturning, table: string): string {
  const items = returning.projection ? [`${table}.*`] : returning.keyColumns.map(quoteIdent);
  if (items.length === 0) items.push("1");
  if (returning.countInserted) items.push(`(${table}.xmax = 0) as ${INSERTED}`);
  return ` returning ${items.join(", ")}`;
}

/**
 * One statement for every write: the data-modifying statements (each with its RETURNING) become
 * `pgrst_source`, and one row comes back with the JSON body (built in PostgreSQL from the read projection),
 * the affected and inserted row counts, and the key of a single written row for `Location`.
 */
export function wrapWrite(mutations: string[], returning: WriteReturning, values: unknown[]): Statement {
  const ctes = mutations.map((mutation, index) => `pgrst_write_${index} as (${mutation})`);
  const union = mutations.map((_, index) => `select * from pgrst_write_${index}`).join(" union all ");
  // Values bound by the projection (JSON path keys, spread keys) number on from the mutations' own.
  const params = new Params();
  params.values.push(...values);
  const body = returning.projection
    ? `(select coalesce(json_agg(_r), '[]')::text from (${representation(returning.projection, returning.embeds, params)}) _r)`
    : "null::text";
  const inserted = returning.countInserted ? `count(*) filter (where ${INSERTED})` : "count(*)";
  const key = returning.keyColumns.length
    ? `(select json_build_array(${returning.keyColumns.map((column) => `${quoteIdent(column)}::text`).join(", ")}) from pgrst_source limit 1)::text`
    : "null::text";
  const text =
    `with ${ctes.join(", ")}, pgrst_source as (${union}) ` +
    `select ${body} as body, count(*) as page_total, ${inserted} as inserted, ${key} as location from pgrst_source`;
  return { text, values: params.values };
}

/** The read projection (with its embeds) over the written rows. */
function representation(projection: Projection, embeds: EmbedPlan[] | undefined, params: Params): string {
  const { from, items, conditions } = withEmbeds("pgrst_source", projection, embeds, params);
  return `select ${items} from ${from}${conditions.length > 0 ? ` where ${conditions.join(" and ")}` : ""}`;
}
