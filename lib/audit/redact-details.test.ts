import { describe, expect, it } from "vitest";
import { redactAuditDetails } from "./redact-details";

describe("redactAuditDetails", () => {
  it("keeps ordinary details", () => {
    expect(redactAuditDetails({ slug: "shop", plan: "free", hash: "abc1234", count: 2 })).toEqual({
      slug: "shop",
      plan: "free",
      hash: "abc1234",
      count: 2,
    });
  });

  it("strips secret-looking keys so credentials never reach the audit log", () => {
    const out = redactAuditDetails({
      slug: "shop",
      jwtSecret: "s3cr3t",
      password: "hunter22",
      passwordHash: "scrypt$...",
      token: "flux_pat_x",
      accessToken: "y",
      apiKey: "k",
      api_key: "k",
      Authorization: "Bearer z",
      credentials: { user: "u" },
    });
    expect(out).toEqual({ slug: "shop" });
    expect(JSON.stringify(out)).not.toMatch(/s3cr3t|hunter22|flux_pat_x|Bearer/);
  });

  it("strips secrets nested in objects and arrays", () => {
    const out = redactAuditDetails({ project: { slug: "a", secret: "x" }, items: [{ token: "t", name: "n" }] });
    expect(out).toEqual({ project: { slug: "a" }, items: [{ name: "n" }] });
  });

  it("stores dates as ISO strings", () => {
    expect(redactAuditDetails({ expiresAt: new Date("2030-01-01T00:00:00Z") })).toEqual({
      expiresAt: "2030-01-01T00:00:00.000Z",
    });
  });
});
