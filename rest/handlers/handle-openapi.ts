import type { IncomingHttpHeaders } from "node:http";
import { buildOpenApi } from "@/rest/openapi/build-openapi";
import type { OpenApiServer } from "@/rest/openapi/types";
import { CONTENT_TYPE } from "@/rest/respond/media-types";
import type { JsonReply } from "@/rest/respond/send";
import { loadSchema } from "@/rest/schema-cache/load-schema";
import type { RestDeps, TenantRequest } from "./deps";

/**
 * GET / : the OpenAPI document of the caller's own schema (the one its bridge token names, never another),
 * built from the schema cache, which is loaded on the tenant's own connection when cold.
 */
export async function handleOpenApi(
  deps: RestDeps,
  request: TenantRequest,
  headers: IncomingHttpHeaders,
): Promise<JsonReply> {
  const { schema, role } = request.identity;
  const client = await deps.pools.connect(role);
  let snapshot;
  try {
    snapshot = await deps.schemas.get(schema, () => loadSchema(client, schema));
  } finally {
    client.release();
  }
  const functions = [...snapshot.functions.values()].flat().map((fn) => ({ name: fn.name, params: fn.params }));
  const document = buildOpenApi(snapshot, publicServer(headers), functions);
  return { status: 200, body: JSON.stringify(document), contentType: CONTENT_TYPE.openapi };
}

/** The gateway sets X-Forwarded-Host/Proto to the Service URL the client used; direct calls fall back to Host. */
function publicServer(headers: IncomingHttpHeaders): OpenApiServer {
  const forwardedHost = headers["x-forwarded-host"];
  const host = (Array.isArray(forwardedHost) ? forwardedHost[0] : forwardedHost) || headers.host || "localhost";
  const scheme = headers["x-forwarded-proto"] === "https" ? "https" : "http";
  return { host, scheme };
}
