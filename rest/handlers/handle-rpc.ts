import type { IncomingMessage } from "node:http";
import { readJsonBody } from "@/rest/http/read-body";
import { parseFilter } from "@/rest/parse/parse-filter";
import { parseReadQuery } from "@/rest/parse/parse-read-query";
import { parseColumns } from "@/rest/parse/parse-select";
import { methodNotAllowedForRpc, planRpc, splitQueryArguments, type RpcArguments } from "@/rest/plan/plan-rpc";
import type { Preferences } from "@/rest/parse/parse-prefer";
import { CONTENT_TYPE, isSingleObject } from "@/rest/respond/media-types";
import type { MediaKind } from "@/rest/respond/negotiate";
import { contentRange, type JsonReply } from "@/rest/respond/send";
import { singleObjectBody } from "@/rest/respond/singular";
import { buildRpcStatement } from "@/rest/sql/build-rpc";
import type { RestDeps, TenantRequest } from "./deps";
import { executeAgainstSchema } from "./execute-for-tenant";

const isFilter = (key: string, value: string) => {
  try {
    parseFilter(key, value);
    return true;
  } catch {
    return false;
  }
};

/**
 * `/rpc/<fn>`: GET/HEAD take arguments from the query string and run read-only; POST takes a JSON object of
 * named arguments. The reply's shape follows the function: a bare JSON value for a scalar, an object for one
 * composite row, an array for sets (with select/filters/order/limit), 204 for void.
 */
export async function handleRpc(
  deps: RestDeps,
  request: TenantRequest,
  req: IncomingMessage,
  url: URL,
  name: string,
  options: { media: MediaKind; preferences: Preferences },
): Promise<JsonReply> {
  const counted = options.preferences.count === "exact";
  const single = isSingleObject(options.media);
  const method = req.method ?? "GET";
  if (method !== "GET" && method !== "HEAD" && method !== "POST") throw methodNotAllowedForRpc(method);
  const body = method === "POST" ? await readRpcBody(req, deps.bodyLimitBytes) : undefined;
  const { planned, result } = await executeAgainstSchema(
    deps,
    request,
    (snapshot) => {
      let args: RpcArguments = { kind: "body", body };
      let readParams = url.searchParams;
      if (method !== "POST") {
        const split = splitQueryArguments(url.searchParams, isFilter);
        args = { kind: "query", pairs: split.args };
        readParams = split.rest;
      }
      const columns = method === "POST" ? parseColumns(url.searchParams.get("columns")) : null;
      const singleObject = options.preferences.params === "single-object";
      const call = { name, method, args, columns, singleObject, query: parseReadQuery(readParams) } as const;
      return planRpc(call, snapshot.schema, snapshot.functions, deps.maxRows, snapshot);
    },
    buildRpcStatement,
    (plan) => plan.readOnly,
  );
  const row = result.rows[0] ?? {};
  const { fn } = planned;
  let reply: JsonReply;
  if (fn.returns.kind === "void") {
    reply = { status: 204, body: null };
  } else if (!fn.returnsSet) {
    // One value or row: PostgREST answers Content-Range 0-0/* (0-0/1 with count=exact).
    const range = counted ? "0-0/1" : "0-0/*";
    reply = {
      status: 200,
      body: typeof row.body === "string" ? row.body : "null",
      headers: { "Content-Range": range },
      contentType: CONTENT_TYPE.json,
    };
  } else {
    const rowCount = Number(row.page_total ?? 0);
    const total = counted ? Number(row.total ?? 0) : null;
    const rows = typeof row.body === "string" ? row.body : "[]";
    const partial = total !== null && (planned.offset > 0 || planned.offset + rowCount < total);
    reply = {
      status: partial ? 206 : 200,
      body: single ? singleObjectBody(rows, rowCount) : rows,
      headers: { "Content-Range": contentRange(planned.offset, rowCount, total) },
      contentType: CONTENT_TYPE[single ? "object" : "json"],
    };
  }
  return reply;
}

/** An empty POST body means "no arguments", as in PostgREST (postgrest-js sends `{}` anyway). */
async function readRpcBody(req: IncomingMessage, limit: number): Promise<unknown> {
  if (req.headers["content-length"] === "0") return {};
  if (req.headers["content-length"] === undefined && req.headers["transfer-encoding"] === undefined) return {};
  return readJsonBody(req, limit);
}
