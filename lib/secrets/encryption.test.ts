import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { decryptSecret, encryptSecret } from "./encryption";
import { derivedRolePassword } from "./generate";

const key = randomBytes(32).toString("hex");

describe("secrets at rest", () => {
  it("round-trips and never stores the plaintext", () => {
    const sealed = encryptSecret("s3cret-value", key, "project-jwt-secret:a");
    expect(sealed).not.toContain("s3cret-value");
    expect(decryptSecret(sealed, key, "project-jwt-secret:a")).toBe("s3cret-value");
  });

  it("refuses a ciphertext moved to another row (the context is authenticated)", () => {
    const sealed = encryptSecret("s3cret-value", key, "project-jwt-secret:a");
    expect(() => decryptSecret(sealed, key, "project-jwt-secret:b")).toThrow();
  });

  it("refuses a tampered ciphertext and a wrong key", () => {
    const sealed = encryptSecret("s3cret-value", key, "ctx");
    const parts = sealed.split(".");
    const body = Buffer.from(parts[3] ?? "", "base64url");
    body[0] = (body[0] ?? 0) ^ 1;
    expect(() =>
      decryptSecret([parts[0], parts[1], parts[2], body.toString("base64url")].join("."), key, "ctx"),
    ).toThrow();
    expect(() => decryptSecret(sealed, randomBytes(32).toString("hex"), "ctx")).toThrow();
  });

  it("derives a stable role password per role and key", () => {
    expect(derivedRolePassword("k".repeat(32), "t_aaaaaaaaaaaa_role")).toBe(
      derivedRolePassword("k".repeat(32), "t_aaaaaaaaaaaa_role"),
    );
    expect(derivedRolePassword("k".repeat(32), "t_aaaaaaaaaaaa_role")).not.toBe(
      derivedRolePassword("k".repeat(32), "t_bbbbbbbbbbbb_role"),
    );
    expect(derivedRolePassword("k".repeat(32), "t_aaaaaaaaaaaa_role")).not.toBe(
      derivedRolePassword("j".repeat(32), "t_aaaaaaaaaaaa_role"),
    );
  });
});
