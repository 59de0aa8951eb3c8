import type { IncomingMessage } from "node:http";
import { readPayload } from "@/rest/http/read-body";
import type { ReadQuery } from "@/rest/parse/ast";
import type { Preferences } from "@/rest/parse/parse-prefer";
import { parseReadQuery } from "@/rest/parse/parse-read-query";
import { parseColumns, parseSelect } from "@/rest/parse/parse-select";
import { CONTENT_TYPE } from "@/rest/respond/media-types";
import type { JsonReply } from "@/rest/respond/send";
import type { RestDeps, TenantRequest } from "./deps";
import { handleDelete } from "./handle-delete";
import { handleInsert } from "./handle-insert";
import { handleUpdate } from "./handle-update";
import { handleUpsert } from "./handle-upsert";

/** Parameters that shape a write rather than filter rows. */
const WRITE_PARAMETERS = new Set(["columns", "on_conflict"]);

/**
 * PATCH/PUT/DELETE read filters, order, limit, offset and select with the read grammar. The writes' one call
 * of the read parser: switch here when it changes.
 */
function parseMutationQuery(params: URLSearchParams): ReadQuery {
  return parseReadQuery(new URLSearchParams([...params].filter(([key]) => !WRITE_PARAMETERS.has(key))));
}

/** POST, PATCH, PUT and DELETE on /<table>; a representation asked for as one object is labelled so. */
export async function handleWrite(
  deps: RestDeps,
  request: TenantRequest,
  table: string,
  req: IncomingMessage,
  url: URL,
  options: { preferences: Preferences; single: boolean },
): Promise<JsonReply> {
  const reply = await dispatchWrite(deps, request, table, req, url, options);
  return options.single ? { ...reply, contentType: CONTENT_TYPE.object } : reply;
}

/** The verb's inputs from the URL, headers and body. */
async function dispatchWrite(
  deps: RestDeps,
  request: TenantRequest,
  table: string,
  req: IncomingMessage,
  url: URL,
  options: { preferences: Preferences; single: boolean },
): Promise<JsonReply> {
  const params = url.searchParams;
  const columns = parseColumns(params.get("columns"));
  switch (req.method) {
    case "POST": {
      const select = parseSelect(params.get("select"));
      const onConflict = parseColumns(params.get("on_conflict"), "on_conflict");
      const payload = await readPayload(req, deps.bodyLimitBytes);
      return handleInsert(deps, request, table, { ...options, payload, columns, onConflict, select });
    }
    case "PATCH": {
      const query = parseMutationQuery(params);
      const payload = await readPayload(req, deps.bodyLimitBytes);
      return handleUpdate(deps, request, table, { ...options, payload, columns, query });
    }
    case "PUT": {
      const query = parseMutationQuery(params);
      const payload = await readPayload(req, deps.bodyLimitBytes);
      return handleUpsert(deps, request, table, { ...options, payload, query });
    }
    default:
      return handleDelete(deps, request, table, { ...options, query: parseMutationQuery(params) });
  }
}
