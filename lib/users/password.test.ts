import { describe, expect, it } from "vitest";
import { hashPassword, verifyPassword } from "./password";

describe("password hashing", () => {
  it("stores scrypt$N$r$p$salt$hash and verifies the right password", async () => {
    const stored = await hashPassword("correct horse battery");
    expect(stored).toMatch(/^scrypt\$32768\$8\$1\$[A-Za-z0-9_-]{22}\$[A-Za-z0-9_-]{43}$/);
    expect(await verifyPassword("correct horse battery", stored)).toBe(true);
  });

  it("refuses a wrong password", async () => {
    const stored = await hashPassword("correct horse battery");
    expect(await verifyPassword("correct horse batterY", stored)).toBe(false);
  });

  it("salts every hash, so equal passwords do not produce equal hashes", async () => {
    expect(await hashPassword("same-password")).not.toBe(await hashPassword("same-password"));
  });

  it("treats a malformed or tampered stored hash as a failed check instead of throwing", async () => {
    const stored = await hashPassword("pw-123456");
    expect(await verifyPassword("pw-123456", "plain-text-password")).toBe(false);
    expect(await verifyPassword("pw-123456", stored.replace("$32768$", "$33$"))).toBe(false);
    expect(await verifyPassword("pw-123456", stored.replace("$32768$", "$1073741824$"))).toBe(false);
    expect(await verifyPassword("pw-123456", stored.slice(0, -10))).toBe(false);
  });
});
