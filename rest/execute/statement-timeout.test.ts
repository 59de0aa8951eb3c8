import { describe, expect, it } from "vitest";
import { statementTimeoutMsFor } from "./statement-timeout";

describe("statementTimeoutMsFor", () => {
  it("reads each plan's guardrail in milliseconds", () => {
    expect(statementTimeoutMsFor("free")).toBe(5_000);
    expect(statementTimeoutMsFor("pro")).toBe(15_000);
    expect(statementTimeoutMsFor("enterprise")).toBe(30_000);
  });

  it("holds a token without a plan (an older gateway) to the largest plan's limit, never to none", () => {
    expect(statementTimeoutMsFor(undefined)).toBe(30_000);
  });
});
