import type { Payload } from "@/rest/http/read-body";
import type { ReadQuery } from "@/rest/parse/ast";
import type { Preferences } from "@/rest/parse/parse-prefer";
import { RestError } from "@/rest/respond/rest-error";
import type { TableInfo } from "@/rest/schema-cache/types";
import type { EmbedScope } from "./plan-embeds";
import { assertWritableColumns, payloadColumns, payloadRows, planReturning, primaryKeyOf } from "./plan-write-payload";
import type { InsertPlan } from "./write-types";

const notPrimaryKeyFilters = () =>
  new RestError(405, {
    code: "PGRST105",
    message: "Filters must include all and only primary key columns with 'eq' operators",
  });

/**
 * PUT /<table>?pk=eq.v: inserts the payload's first row or, when the key exists, replaces its columns. The
 * URL must name the whole primary key with `eq` filters and nothing else (405 PGRST105); the payload's key
 * must equal the URL's, checked by PostgreSQL on the bound row (400 PGRST115 when it does not).
 */
export function planUpsert(
  table: TableInfo,
  request: { payload: Payload; query: ReadQuery; preferences: Preferences; scope?: EmbedScope },
): InsertPlan {
  const { query } = request;
  if (query.limit !== null || query.offset !== null) {
    throw new RestError(400, {
      code: "PGRST114",
      message: "limit/offset querystring parameters are not allowed for PUT",
    });
  }
  const key = primaryKeyOf(table);
  const named = query.filters.map((filter) => filter.column);
  const exact =
    key.length > 0 &&
    named.length === key.length &&
    new Set(named).size === named.length &&
    key.every((column) => named.includes(column)) &&
    query.logic.length === 0 &&
    query.filters.every(
      (filter) =>
        filter.operator === "eq" &&
        !("quantifier" in filter) &&
        !filter.negated &&
        filter.jsonPath.length === 0 &&
        filter.path.length === 0,
    );
  if (!exact) throw notPrimaryKeyFilters();
  const [row] = payloadRows(request.payload.value);
  const columns = row ? payloadColumns([row], null) : [];
  assertWritableColumns(table, columns);
  return {
    table: { schema: table.schema, name: table.name },
    columns,
    payloadJson: request.payload.json,
    groups: [{ columns, rows: null }],
    conflict: { target: key, action: "merge" },
    sourceFilters: query.filters,
    firstRowOnly: true,
    returning: planReturning(request.preferences, query.select, table, true, request.scope),
  };
}
