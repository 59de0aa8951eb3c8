import type { ReadQuery } from "@/rest/parse/ast";
import type { Preferences } from "@/rest/parse/parse-prefer";
import type { TableInfo } from "@/rest/schema-cache/types";
import type { EmbedScope } from "./plan-embeds";
import { planMutationTarget } from "./plan-mutation-target";
import { planReturning } from "./plan-write-payload";
import type { DeletePlan } from "./write-types";

/** DELETE /<table>?filters. */
export function planDelete(
  table: TableInfo,
  request: { query: ReadQuery; preferences: Preferences; scope?: EmbedScope },
): DeletePlan {
  return {
    table: { schema: table.schema, name: table.name },
    target: planMutationTarget(request.query, table),
    returning: planReturning(request.preferences, request.query.select, table, false, request.scope),
  };
}
