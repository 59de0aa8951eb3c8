/** A function the schema cache knows, as the OpenAPI document describes it (`/rpc/<name>`). */
export type OpenApiFunction = {
  name: string;
  /** Named input parameters in declaration order; `required` is false when the parameter has a default. */
  params: Array<{ name: string; type: string; required: boolean }>;
  /** The function's comment, if any. */
  description?: string | null;
};

/** Where the document says the API lives: the public host the client used (through the gateway). */
export type OpenApiServer = { host: string; scheme: "http" | "https" };

/** A JSON Schema fragment as Swagger 2.0 writes it. */
export type SwaggerSchema = Record<string, unknown>;
