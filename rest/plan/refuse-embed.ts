import type { EmbedPath } from "@/rest/parse/ast";
import { RestError } from "@/rest/respond/rest-error";
import type { TableInfo } from "@/rest/schema-cache/types";

/**
 * `author.name=eq.x` names an embedded resource. Until resource embedding exists no relationship is ever
 * found, so the answer is PostgREST's own for an unknown relationship (400 PGRST200).
 */
export function refuseEmbedPath(table: TableInfo, path: EmbedPath): void {
  const [embed] = path;
  if (embed === undefined) return;
  throw new RestError(400, {
    code: "PGRST200",
    message: `Could not find a relationship between '${table.name}' and '${embed}' in the schema cache`,
    details: `Searched for a foreign key relationship between '${table.name}' and '${embed}' in the schema '${table.schema}', but no matches were found.`,
    hint: "Resource embedding is not supported in this version",
  });
}
