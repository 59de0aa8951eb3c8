import type { Payload } from "@/rest/http/read-body";
import type { ReadQuery } from "@/rest/parse/ast";
import type { Preferences } from "@/rest/parse/parse-prefer";
import type { TableInfo } from "@/rest/schema-cache/types";
import type { EmbedScope } from "./plan-embeds";
import { planMutationTarget } from "./plan-mutation-target";
import { assertWritableColumns, payloadColumns, payloadRows, planReturning } from "./plan-write-payload";
import type { UpdatePlan } from "./write-types";

/** PATCH /<table>?filters: the payload's keys (or `columns=`) are set on every matching row. */
export function planUpdate(
  table: TableInfo,
  request: {
    payload: Payload;
    columns: string[] | null;
    query: ReadQuery;
    preferences: Preferences;
    scope?: EmbedScope;
  },
): UpdatePlan {
  // PostgREST updates with the first object of an array payload.
  const [row] = payloadRows(request.payload.value);
  const columns = row ? payloadColumns([row], request.columns) : [];
  assertWritableColumns(table, columns);
  return {
    table: { schema: table.schema, name: table.name },
    columns,
    payloadJson: request.payload.json,
    target: planMutationTarget(request.query, table),
    returning: planReturning(request.preferences, request.query.select, table, false, request.scope),
  };
}
