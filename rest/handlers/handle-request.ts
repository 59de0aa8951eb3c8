import type { IncomingMessage, ServerResponse } from "node:http";
import { authenticate } from "@/rest/http/authenticate";
import { checkProfile } from "@/rest/http/check-profile";
import { readJsonBody } from "@/rest/http/read-body";
import { requestIdOf } from "@/rest/http/request-id";
import { parseTablePath } from "@/rest/parse/parse-path";
import { rpcNameOf } from "@/rest/parse/parse-rpc-path";
import { parseReturnPreference } from "@/rest/parse/parse-prefer";
import { parseReadQuery } from "@/rest/parse/parse-read-query";
import { parseColumns, parseSelect } from "@/rest/parse/parse-select";
import { RestError } from "@/rest/respond/rest-error";
import { sendError, sendReply, type JsonReply } from "@/rest/respond/send";
import { wantsSingleObject } from "@/rest/respond/singular";
import { applySqlResponse } from "@/rest/respond/sql-response";
import { toRestError } from "@/rest/respond/to-rest-error";
import type { RestDeps, TenantRequest } from "./deps";
import { handleInsert } from "./handle-insert";
import { handleRead } from "./handle-read";
import { handleRpc } from "./handle-rpc";
import { headersForSql } from "./request-headers";

export const HEALTH_PATH = "/_flux/health";

/**
 * Serves one HTTP request: request id, bridge token, path, then the verb's handler. Every failure becomes a
 * PostgREST-shaped error; unexplained ones are logged with the request id the caller was given.
 */
export function createRequestHandler(deps: RestDeps) {
  return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const started = performance.now();
    const requestId = requestIdOf(req);
    res.setHeader("X-Request-ID", requestId);
    const url = new URL(req.url ?? "/", "http://rest.invalid");
    const headOnly = req.method === "HEAD";
    let tenantId: string | undefined;
    let anonymous = false;
    try {
      if (url.pathname === HEALTH_PATH && (req.method === "GET" || headOnly)) {
        sendReply(res, { status: 200, body: '{"status":"ok"}' }, headOnly);
      } else {
        const identity = await authenticate(req, deps.bridgeKey);
        tenantId = identity.tenantId;
        anonymous = isAnonymous(identity.claims);
        const context = {
          schema: identity.schema,
          claims: identity.claims,
          method: req.method ?? "GET",
          path: url.pathname,
          headers: headersForSql(req.headers),
        };
        const request: TenantRequest = { identity, context };
        const reply = await dispatch(deps, req, url, request);
        sendReply(res, request.sqlResponse ? applySqlResponse(reply, request.sqlResponse) : reply, headOnly);
      }
    } catch (error) {
      const { error: answer, unexplained } = toRestError(error, requestId, { anonymous });
      if (unexplained) deps.logger.error("request failed", { requestId, tenantId, cause: describe(error) });
      if (!res.headersSent) sendError(res, answer, headOnly);
      else res.destroy();
    }
    deps.logger.info("request", {
      requestId,
      tenantId,
      method: req.method,
      path: url.pathname,
      status: res.statusCode,
      ms: Math.round((performance.now() - started) * 10) / 10,
    });
  };
}

async function dispatch(deps: RestDeps, req: IncomingMessage, url: URL, request: TenantRequest): Promise<JsonReply> {
  const rpc = rpcNameOf(url.pathname);
  checkProfile(req, request.identity.schema);
  if (rpc !== null) return handleRpc(deps, request, req, url, rpc);
  const table = parseTablePath(url.pathname);
  const single = wantsSingleObject(req.headers);
  switch (req.method) {
    case "GET":
    case "HEAD":
      return handleRead(deps, request, table, { query: parseReadQuery(url.searchParams), single });
    case "POST": {
      const select = parseSelect(url.searchParams.get("select"));
      const columns = parseColumns(url.searchParams.get("columns"));
      const preference = parseReturnPreference(req.headers.prefer);
      const body = await readJsonBody(req, deps.bodyLimitBytes);
      return handleInsert(deps, request, table, { body, columns, select, preference, single });
    }
    default:
      throw new RestError(405, {
        code: "PGRST117",
        message: `Unsupported HTTP method: ${req.method ?? "(none)"}`,
        hint: "This version serves GET, HEAD and POST",
      });
  }
}

/** PostgREST answers 42501 with 401 rather than 403 when the caller is not signed in (the anon key). */
const isAnonymous = (claims: Record<string, unknown>) => claims.role === undefined || claims.role === "anon";

function describe(error: unknown): Record<string, unknown> {
  if (!(error instanceof Error)) return { value: String(error) };
  const { code } = error as { code?: unknown };
  return { name: error.name, message: error.message, code, stack: error.stack };
}
