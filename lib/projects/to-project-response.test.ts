import { describe, expect, it } from "vitest";
import type { ProjectRow } from "./types";
import { toProjectResponse } from "./to-project-response";

const row: ProjectRow = {
  tenantId: "5ecfa3ab-72d1-4b2a-9a1d-0f1e2d3c4b5a",
  slug: "bloom-atelier",
  hash: "a1b2c3d",
  name: "Bloom Atelier",
  mode: "v2_shared",
  plan: "free",
  status: "active",
  clusterId: "local",
  ownerId: "0b7f3c52-6a55-4c1c-8f5e-2b0a8d9e1f00",
  jwtSecretEncrypted: "v1.iv.tag.CIPHERTEXT-SHOULD-NEVER-LEAVE",
  previousJwtSecretEncrypted: "v1.iv.tag.PREVIOUS-SHOULD-NEVER-LEAVE",
  previousJwtSecretExpiresAt: new Date("2025-01-02T04:04:05Z"),
  anonymousAccess: false,
  corsOrigins: [],
  allowedRoles: ["anon", "authenticated"],
  rateLimitPerMinute: null,
  lastAccessedAt: null,
  createdAt: new Date("2025-01-02T03:04:05Z"),
  updatedAt: new Date("2025-01-02T03:04:05Z"),
};

const config = { FLUX_BASE_DOMAIN: "localhost", FLUX_PUBLIC_SCHEME: "http" as const, FLUX_GATEWAY_PORT: 8080 };

describe("toProjectResponse", () => {
  it("returns exactly the public fields, with Service URL, schema and role derived from the ids", () => {
    expect(toProjectResponse(row, config)).toEqual({
      tenantId: row.tenantId,
      slug: "bloom-atelier",
      hash: "a1b2c3d",
      name: "Bloom Atelier",
      mode: "v2_shared",
      plan: "free",
      status: "active",
      serviceUrl: "http://api--bloom-atelier--a1b2c3d.localhost:8080",
      schema: "t_5ecfa3ab72d1_api",
      role: "t_5ecfa3ab72d1_role",
      createdAt: "2025-01-02T03:04:05.000Z",
    });
  });

  it("never includes the encrypted JWT secret or internal columns", () => {
    const json = JSON.stringify(toProjectResponse(row, config));
    expect(json).not.toContain("CIPHERTEXT");
    expect(json).not.toMatch(/jwtSecret|ownerId|clusterId|allowedRoles/);
  });

  it("omits the default port for https", () => {
    const url = toProjectResponse(row, {
      FLUX_BASE_DOMAIN: "flux.example.com",
      FLUX_PUBLIC_SCHEME: "https",
      FLUX_GATEWAY_PORT: 443,
    }).serviceUrl;
    expect(url).toBe("https://api--bloom-atelier--a1b2c3d.flux.example.com");
  });
});
