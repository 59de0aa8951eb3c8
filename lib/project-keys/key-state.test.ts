import { describe, expect, it } from "vitest";
import { DEFAULT_GRACE_SECONDS, parseGrace } from "./grace";
import { keyState, toKeyResponse } from "./key-state";

const now = new Date("2026-01-01T12:00:00Z");
const minutes = (n: number) => new Date(now.getTime() + n * 60_000);

describe("keyState", () => {
  it("is current until retired, previous while accepted, revoked after", () => {
    expect(keyState({ retiredAt: null, acceptedUntil: null }, now)).toBe("current");
    expect(keyState({ retiredAt: minutes(-5), acceptedUntil: minutes(25) }, now)).toBe("previous");
    expect(keyState({ retiredAt: minutes(-5), acceptedUntil: now }, now)).toBe("revoked");
    expect(keyState({ retiredAt: minutes(-5), acceptedUntil: null }, now)).toBe("revoked");
  });

  it("reports revokedAt only for revoked keys and acceptedUntil only for previous ones", () => {
    const row = {
      id: "jwk_a",
      tenantId: "t",
      fingerprint: "f",
      activatedAt: minutes(-60),
      retiredAt: minutes(-5),
      acceptedUntil: minutes(-1),
    };
    expect(toKeyResponse(row, now)).toMatchObject({
      state: "revoked",
      revokedAt: minutes(-1).toISOString(),
      acceptedUntil: null,
    });
    expect(toKeyResponse({ ...row, acceptedUntil: minutes(10) }, now)).toMatchObject({
      state: "previous",
      revokedAt: null,
      acceptedUntil: minutes(10).toISOString(),
    });
  });
});

describe("parseGrace", () => {
  it("defaults to the longest token lifetime (30 d) plus 15 minutes", () => {
    expect(parseGrace(undefined)).toBe(DEFAULT_GRACE_SECONDS);
    expect(DEFAULT_GRACE_SECONDS).toBe(30 * 86_400 + 900);
  });

  it("accepts 0s..90d and refuses anything else with a message naming the format", () => {
    expect(parseGrace("0s")).toBe(0);
    expect(parseGrace("30m")).toBe(1800);
    expect(parseGrace("90d")).toBe(90 * 86_400);
    expect(() => parseGrace("91d")).toThrow(/maximum is 90d/);
    expect(() => parseGrace("soon")).toThrow(/not a duration/);
    expect(() => parseGrace("-1h")).toThrow(/not a duration/);
  });
});
