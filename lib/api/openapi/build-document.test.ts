import { describe, expect, it } from "vitest";
import { buildOpenApiDocument } from "./build-document";

type Doc = ReturnType<typeof buildOpenApiDocument>;
const op = (doc: Doc, path: string, method: string) => doc.paths[path]?.[method] as Record<string, any>;

describe("OpenAPI document of /api/v1", () => {
  const doc = buildOpenApiDocument();

  it("is OpenAPI 3.1 and lists the people, env and audit routes", () => {
    expect(doc.openapi).toBe("3.1.0");
    for (const path of [
      "/projects/{slug}/backups",
      "/projects/{slug}/backups/{id}/verify",
      "/projects/{slug}/backups/{id}/download",
      "/projects/{slug}/members",
      "/projects/{slug}/env",
      "/projects/{slug}/audit",
      "/pats",
      "/pats/{id}",
      "/audit",
    ]) {
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
    const names = (path: string, method: string) =>
      (op(doc, path, method).parameters as { name: string }[]).map((p) => p.name);
    expect(names("/projects/{slug}/audit", "get")).toEqual(["slug", "limit", "offset"]);
    for (const [path, method] of [
      ["/projects", "post"],
      ["/pats", "post"],
      ["/projects/{slug}/members", "post"],
    ] as const) {
      expect(names(path, method)).toContain("Idempotency-Key");
    }
  });

  it("lists the lifecycle, JWT key, custom domain and trusted issuer routes with their zod contracts", () => {
    const expected: Array<[string, string]> = [
      ["/projects/{slug}", "get"],
      ["/projects/{slug}/rename", "post"],
      ["/projects/{slug}/plan", "post"],
      ["/projects/{slug}/suspend", "post"],
      ["/projects/{slug}/resume", "post"],
      ["/projects/{slug}/secret", "get"],
      ["/projects/{slug}/keys", "get"],
      ["/projects/{slug}/keys/rotate", "post"],
      ["/projects/{slug}/keys/end-grace", "post"],
      ["/projects/{slug}/domains", "get"],
      ["/projects/{slug}/domains", "post"],
      ["/projects/{slug}/domains/{hostname}", "get"],
      ["/projects/{slug}/domains/{hostname}", "delete"],
      ["/projects/{slug}/domains/{hostname}/verify", "post"],
      ["/domains/{hostname}", "get"],
      ["/projects/{slug}/issuers", "get"],
      ["/projects/{slug}/issuers", "post"],
      ["/projects/{slug}/issuers", "delete"],
    ];
    for (const [path, method] of expected) expect(op(doc, path, method), `${method} ${path}`).toBeDefined();
    const body = (path: string) => op(doc, path, "post").requestBody.content["application/json"].schema;
    expect(body("/projects/{slug}/rename").required).toEqual(["slug"]);
    expect(body("/projects/{slug}/plan").properties.plan.enum).toEqual(["free", "pro", "enterprise"]);
    expect(body("/projects/{slug}/plan").additionalProperties).toBe(false);
    expect(body("/projects/{slug}/issuers").required).toEqual(["issuer", "jwksUrl"]);
    const ok = (path: string, method: string, status = "200") =>
      op(doc, path, method).responses[status].content["application/json"].schema;
    expect(ok("/projects/{slug}/suspend", "post").properties.status.enum).toEqual([
      "provisioning",
      "active",
      "suspended",
      "failed",
    ]);
    expect(ok("/projects/{slug}/keys/rotate", "post").required).toEqual(["slug", "current", "previous", "graceEndsAt"]);
    expect(ok("/projects/{slug}/issuers", "get").properties.data.items.required).toContain("jwksUrl");
    const removeParams = op(doc, "/projects/{slug}/issuers", "delete").parameters as {
      name: string;
      in: string;
      required: boolean;
    }[];
    expect(removeParams).toContainEqual(expect.objectContaining({ name: "issuer", in: "query", required: true }));
  });

  it("marks the creates a client may retry as taking Idempotency-Key: domains, issuers, key rotation", () => {
    const names = (path: string, method: string) =>
      (op(doc, path, method).parameters as { name: string }[]).map((p) => p.name);
    for (const path of ["/projects/{slug}/domains", "/projects/{slug}/issuers", "/projects/{slug}/keys/rotate"]) {
      expect(names(path, "post"), path).toContain("Idempotency-Key");
    }
  });

  it("answers errors with the one envelope carrying a requestId", () => {
    expect(op(doc, "/pats", "get").responses.default.content["application/json"].schema.$ref).toBe(
      "#/components/schemas/ErrorEnvelope",
    );
    expect(doc.components.schemas.ErrorEnvelope.properties?.error).toMatchObject({
      required: ["code", "message", "requestId"],
    });
  });
});
