import type { EmbedPath } from "@/rest/parse/ast";
import type { TableInfo } from "@/rest/schema-cache/types";
import { notEmbedded } from "./embed-errors";

/**
 * PATCH/DELETE take no conditions on embeds (a dropped `author.id=eq.1` would widen the write to every row), so
 * one is answered as PostgREST answers a resource the request does not embed: 400 PGRST108.
 */
export function refuseEmbedPath(_table: TableInfo, path: EmbedPath): void {
  const [embed] = path;
  if (embed !== undefined) throw notEmbedded(embed);
}
