import { afterEach, describe, expect, it, vi } from "vitest";
import { FluxError, toErrorEnvelope } from "./errors";

afterEach(() => vi.restoreAllMocks());

describe("toErrorEnvelope", () => {
  it.each([
    ["bad_request", 400],
    ["unauthorized", 401],
    ["invalid_credentials", 401],
    ["forbidden", 403],
    ["not_found", 404],
    ["conflict", 409],
    ["unprocessable", 422],
    ["unavailable", 503],
  ] as const)("maps %s to %d with the message and request id", (code, status) => {
    expect(toErrorEnvelope(new FluxError(code, "what went wrong"), "req_1")).toEqual({
      status,
      body: { error: { code, message: "what went wrong", requestId: "req_1" } },
    });
  });

  it("does not leak an unknown error's message, and logs it with the request id", () => {
    const log = vi.spyOn(console, "error").mockImplementation(() => undefined);
    const out = toErrorEnvelope(new Error("password authentication failed for user postgres"), "req_2");
    expect(out.status).toBe(500);
    expect(out.body.error.code).toBe("internal");
    expect(out.body.error.message).not.toContain("postgres");
    expect(out.body.error.requestId).toBe("req_2");
    expect(log).toHaveBeenCalledWith(expect.stringContaining("req_2"));
  });
});
