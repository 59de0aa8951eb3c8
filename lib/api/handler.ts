import { NextResponse, type NextRequest } from "next/server";
import type { Ctx } from "@/lib/context";
import { authenticateRequest } from "./authenticate-request";
import { FluxError, toErrorEnvelope } from "./errors";
import { readJsonBody } from "./read-json-body";
import { requestIdFrom } from "./request-id";
import { getServerConfig } from "./server-config";
import { getServerDb } from "./server-db";

type Params = Record<string, string | string[] | undefined>;

export type RouteArgs<P extends Params> = {
  req: NextRequest;
  ctx: Ctx;
  params: P;
  /** The JSON body (size-limited); verbs validate it against their zod contract. */
  body: () => Promise<unknown>;
};

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * Wraps every control-plane route handler: request id, config, database, actor, and one error envelope.
 * The handler itself only parses, calls one verb and shapes the response.
 */
export function route<P extends Params = Params>(handler: (args: RouteArgs<P>) => Promise<Response>) {
  return async (req: NextRequest, context: { params: Promise<P> }): Promise<Response> => {
    const requestId = requestIdFrom(req.headers);
    try {
      const config = getServerConfig();
      const db = getServerDb();
      const auth = await authenticateRequest(req, db, config);
      if (auth.via === "session" && !SAFE_METHODS.has(req.method)) requireJsonContentType(req);
      const params = await context.params;
      const ctx: Ctx = { db, config, actor: auth.actor, requestId };
      const response = await handler({ req, ctx, params, body: () => readJsonBody(req, config.FLUX_BODY_LIMIT_BYTES) });
      response.headers.set("x-request-id", requestId);
      return response;
    } catch (err) {
      const { status, body } = toErrorEnvelope(err, requestId);
      return NextResponse.json(body, { status, headers: { "x-request-id": requestId } });
    }
  };
}

/** JSON response helper; `status` defaults to 200. */
export const json = (data: unknown, status = 200): Response => NextResponse.json(data, { status });

/**
 * Cookie-authenticated writes must be JSON: a cross-site form cannot send that content type without a CORS
 * preflight, which this API never grants — so a foreign page cannot ride the dashboard session.
 */
function requireJsonContentType(req: NextRequest): void {
  const type = req.headers.get("content-type") ?? "";
  if (!/^application\/json\b/i.test(type)) {
    throw new FluxError("bad_request", "Send the request body as JSON with Content-Type: application/json.");
  }
}
