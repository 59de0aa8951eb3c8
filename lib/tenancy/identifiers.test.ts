import { describe, expect, it } from "vitest";
import {
  isProjectHash,
  newProjectHash,
  newTenantId,
  schemaForApiRole,
  shortIdOf,
  tenantIdentifiers,
} from "./identifiers";

describe("tenant identifiers", () => {
  it("derives shortid, schema and roles from the tenant_id as the architecture document shows", () => {
    expect(tenantIdentifiers("5ecfa3ab-72d1-4b2a-9a1d-0f1e2d3c4b5a")).toEqual({
      tenantId: "5ecfa3ab-72d1-4b2a-9a1d-0f1e2d3c4b5a",
      shortId: "5ecfa3ab72d1",
      schema: "t_5ecfa3ab72d1_api",
      role: "t_5ecfa3ab72d1_role",
      ownerRole: "t_5ecfa3ab72d1_owner",
    });
  });

  it("refuses anything that is not a lower-case UUID v4, so no name is built from user text", () => {
    expect(() => shortIdOf("5ECFA3AB-72D1-4B2A-9A1D-0F1E2D3C4B5A")).toThrow(/tenant_id/);
    expect(() => shortIdOf("demo")).toThrow(/tenant_id/);
    expect(() => shortIdOf("5ecfa3ab-72d1-4b2a-9a1d-0f1e2d3c4b5a; drop role x")).toThrow();
  });

  it("creates random v4 tenant ids and 7-hex hashes", () => {
    const ids = new Set(Array.from({ length: 50 }, () => newTenantId()));
    expect(ids.size).toBe(50);
    for (const id of ids) expect(shortIdOf(id)).toMatch(/^[0-9a-f]{12}$/);
    for (let i = 0; i < 50; i++) expect(isProjectHash(newProjectHash())).toBe(true);
  });

  it("maps only a tenant API role to its schema", () => {
    expect(schemaForApiRole("t_5ecfa3ab72d1_role")).toBe("t_5ecfa3ab72d1_api");
    for (const role of [
      "postgres",
      "t_5ecfa3ab72d1_owner",
      "t_5ecfa3ab72d_role",
      "T_5ECFA3AB72D1_ROLE",
      "t_5ecfa3ab72d1_role ",
    ]) {
      expect(schemaForApiRole(role)).toBeNull();
    }
  });
});
