import type { IncomingMessage, ServerResponse } from "node:http";
import { authenticate } from "@/rest/http/authenticate";
import { checkProfile } from "@/rest/http/check-profile";
import { requestIdOf } from "@/rest/http/request-id";
import { parseTablePath } from "@/rest/parse/parse-path";
import { assertPreferencesAccepted, parsePreferences } from "@/rest/parse/parse-prefer";
import { parseRangeHeader } from "@/rest/parse/parse-range-header";
import { rpcNameOf } from "@/rest/parse/parse-rpc-path";
import { parseReadQuery } from "@/rest/parse/parse-read-query";
import { RestError } from "@/rest/respond/rest-error";
import { sendError, sendReply, type JsonReply } from "@/rest/respond/send";
import { isSingleObject, RELATION_MEDIA, ROOT_MEDIA, WRITE_MEDIA } from "@/rest/respond/media-types";
import { negotiate } from "@/rest/respond/negotiate";
import { applySqlResponse } from "@/rest/respond/sql-response";
import { toRestError } from "@/rest/respond/to-rest-error";
import type { RestDeps, TenantRequest } from "./deps";
import { handleOpenApi } from "./handle-openapi";
import { handleRead } from "./handle-read";
import { handleRpc } from "./handle-rpc";
import { handleWrite } from "./handle-write";
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
        const identity = await authenticate(req, deps.bridge);
        tenantId = identity.tenantId;
        anonymous = isAnonymous(identity.claims);
        const context = {
          schema: identity.schema,
          claims: identity.claims,
          method: req.method ?? "GET",
          path: url.pathname,
          headers: headersForSql(req.headers),
          statementTimeoutMs: identity.statementTimeoutMs,
        };
        const request: TenantRequest = { identity, context };
        const reply = await dispatch(deps, req, url, request);
        sendReply(res, request.sqlResponse ? applySqlResponse(reply, request.sqlResponse) : reply, headOnly);
      }
    } catch (error) {
      const { error: answer, unexplained } = toRestError(error, requestId, { anonymous });
      if (unexplained) deps.logger.error("request failed", { requestId, tenantId, cause: describe(error) });
      if (!res.headersSent) sendError(res, answer, headOnly, deps.guideUrl);
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
  checkProfile(req, request.identity.schema);
  if (url.pathname === "/" && (req.method === "GET" || req.method === "HEAD")) {
    negotiate(req.headers, ROOT_MEDIA);
    return handleOpenApi(deps, request, req.headers);
  }
  const preferences = parsePreferences(req.headers.prefer);
  assertPreferencesAccepted(preferences);
  const rpc = rpcNameOf(url.pathname);
  if (rpc !== null)
    return handleRpc(deps, request, req, url, rpc, { media: negotiate(req.headers, WRITE_MEDIA), preferences });
  const table = parseTablePath(url.pathname);
  const reading = req.method === "GET" || req.method === "HEAD";
  const media = negotiate(req.headers, reading ? RELATION_MEDIA : WRITE_MEDIA);
  const single = isSingleObject(media);
  switch (req.method) {
    case "GET":
    case "HEAD":
      return handleRead(deps, request, table, {
        query: parseReadQuery(url.searchParams),
        media,
        range: parseRangeHeader(req.headers.range),
        count: preferences.count,
      });
    case "POST":
    case "PATCH":
    case "PUT":
    case "DELETE":
      return handleWrite(deps, request, table, req, url, { preferences, single });
    default:
      throw new RestError(405, {
        code: "PGRST117",
        message: `Unsupported HTTP method: ${req.method ?? "(none)"}`,
        hint: "This version serves GET, HEAD, POST, PATCH, PUT and DELETE",
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
