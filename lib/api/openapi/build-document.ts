import { z } from "zod";
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from "../pagination";
import { OPERATIONS, type Operation } from "./operations";

const ErrorEnvelope = z.object({
  error: z.object({ code: z.string(), message: z.string(), requestId: z.string() }),
});

const schemaOf = (schema: z.ZodType, io: "input" | "output") => z.toJSONSchema(schema, { io, unrepresentable: "any" });

/** The OpenAPI 3.1 document of /api/v1, generated from the same zod schemas the routes validate with. */
export function buildOpenApiDocument(serverUrl = "/api/v1") {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const op of OPERATIONS) (paths[op.path] ??= {})[op.method] = operationObject(op);
  return {
    openapi: "3.1.0",
    info: { title: "Flux control-plane API", version: "1" },
    servers: [{ url: serverUrl }],
    components: {
      securitySchemes: {
        personalAccessToken: {
          type: "http",
          scheme: "bearer",
          description: "flux_pat_… from `flux login` or `flux pat create`",
        },
        session: { type: "apiKey", in: "cookie", name: "next-auth.session-token" },
      },
      schemas: { ErrorEnvelope: schemaOf(ErrorEnvelope, "output") },
    },
    security: [{ personalAccessToken: [] }, { session: [] }],
    paths,
  };
}

function operationObject(op: Operation) {
  const pathParams = [...op.path.matchAll(/\{(\w+)\}/g)].map((m) => ({
    name: m[1],
    in: "path",
    required: true,
    schema: { type: "string" },
  }));
  const query = op.listOf
    ? [
        {
          name: "limit",
          in: "query",
          schema: { type: "integer", minimum: 1, maximum: MAX_PAGE_SIZE, default: DEFAULT_PAGE_SIZE },
        },
        { name: "offset", in: "query", schema: { type: "integer", minimum: 0, default: 0 } },
      ]
    : [];
  const required = (op.query ?? []).map((q) => ({
    name: q.name,
    in: "query",
    required: true,
    description: q.description,
    schema: { type: "string" },
  }));
  const header = op.idempotent
    ? [{ name: "Idempotency-Key", in: "header", required: false, schema: { type: "string", maxLength: 255 } }]
    : [];
  const success = op.listOf
    ? {
        type: "object",
        properties: { data: { type: "array", items: schemaOf(op.listOf, "output") }, page: pageSchema },
      }
    : op.response
      ? schemaOf(op.response, "output")
      : { type: "object" };
  return {
    summary: op.summary,
    parameters: [...pathParams, ...query, ...required, ...header],
    ...(op.body
      ? { requestBody: { required: true, content: { "application/json": { schema: schemaOf(op.body, "input") } } } }
      : {}),
    responses: {
      [String(op.status ?? 200)]: { description: "OK", content: { "application/json": { schema: success } } },
      default: {
        description: "Error",
        content: { "application/json": { schema: { $ref: "#/components/schemas/ErrorEnvelope" } } },
      },
    },
  };
}

const pageSchema = {
  type: "object",
  properties: { limit: { type: "integer" }, offset: { type: "integer" }, nextOffset: { type: ["integer", "null"] } },
};
