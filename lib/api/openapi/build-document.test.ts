/* eslint-disable @typescript-eslint/no-explicit-any -- walking a generated JSON document */
import { describe, expect, it } from "vitest";
import { buildOpenApiDocument } from "./build-document";

type Doc = ReturnType<typeof buildOpenApiDocument>;
const op = (doc: Doc, path: string, method: string) => doc.paths[path]?.[method] as Record<string, any>;

describe("OpenAPI document of /api/v1", () => {
  const doc = buildOpenApiDocument();

  it("is OpenAPI 3.1 and lists the people, env and audit routes", () => {
    expect(doc.openapi).toBe("3.1.0");
    for (const path of ["/projects/{slug}/backups", "/projects/{slug}/backups/{id}/verify", "/projects/{slug}/backups/{id}/download", "/projects/{slug}/members", "/projects/{slug}/env", "/projects/{slug}/audit", "/pats", "/pats/{id}", "/audit"]) {
      expect(doc.paths[path], path).toBeDefined();
    }
  });

  it("takes request bodies from the zod schemas the routes validate with", () => {
    const body = op(doc, "/projects/{slug}/members", "post").requestBody.content["application/json"].schema;
    expect(body.required).toEqual(["email", "role"]);
    expect(body.properties.role.enum).toEqual(["owner", "developer", "viewer"]);
    const env = op(doc, "/projects/{slug}/env", "put").requestBody.content["application/json"].schema;
    expect(env.properties.key.pattern).toBe("^[A-Z_][A-Z0-9_]{0,127}$");
  });

  it("documents pagination on lists and Idempotency-Key on retryable creates", () => {
    const names = (path: string, method: string) => (op(doc, path, method).parameters as { name: string }[]).map((p) => p.name);
    expect(names("/projects/{slug}/audit", "get")).toEqual(["slug", "limit", "offset"]);
    for (const [path, method] of [["/projects", "post"], ["/pats", "post"], ["/projects/{slug}/members", "post"]] as const) {
      expect(names(path, method)).toContain("Idempotency-Key");
    }
  });

  it("answers errors with the one envelope carrying a requestId", () => {
    expect(op(doc, "/pats", "get").responses.default.content["application/json"].schema.$ref).toBe("#/components/schemas/ErrorEnvelope");
    expect(doc.components.schemas.ErrorEnvelope.properties?.error).toMatchObject({ required: ["code", "message", "requestId"] });
  });
});
