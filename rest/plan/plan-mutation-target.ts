import type { ReadQuery } from "@/rest/parse/ast";
import { RestError } from "@/rest/respond/rest-error";
import type { TableInfo } from "@/rest/schema-cache/types";
import { assertColumn } from "./plan-projection";
import { planConditions } from "./plan-read";
import type { MutationTarget } from "./write-types";

/**
 * The rows PATCH/DELETE touch. As in PostgREST 12, `limit`/`offset` need an explicit `order` (else the rows
 * changed would be arbitrary): 400 PGRST109.
 */
export function planMutationTarget(query: ReadQuery, table: TableInfo): MutationTarget {
  const conditions = planConditions(query, table);
  for (const term of query.order) assertColumn(table, term.column);
  const limited = query.limit !== null || query.offset !== null;
  if (limited && query.order.length === 0) {
    throw new RestError(400, {
      code: "PGRST109",
      message: "A 'limit' was applied without an explicit 'order'",
      hint: "Apply an 'order' using unique column(s)",
    });
  }
  return { ...conditions, order: limited ? query.order : [], limit: query.limit, offset: query.offset };
}
