import { describe, expect, it } from "vitest";
import { stubRequest, stubResponse } from "../testing/stubs";
import { assignRequestId } from "./request-id";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

function assign(headers: Array<[string, string]>) {
  const req = stubRequest({ headers });
  const res = stubResponse(req);
  return { id: assignRequestId(req, res), echoed: res.getHeader("x-request-id") };
}

describe("request-id step", () => {
  it("keeps a sane client id and echoes it", () => {
    expect(assign([["X-Request-ID", "app-trace.42_A"]])).toEqual({ id: "app-trace.42_A", echoed: "app-trace.42_A" });
  });

  it("creates a UUID when the client sent none", () => {
    const { id, echoed } = assign([]);
    expect(id).toMatch(UUID);
    expect(echoed).toBe(id);
  });

  it("replaces an id longer than 128 characters (stops log flooding)", () => {
    expect(assign([["X-Request-ID", "a".repeat(129)]]).id).toMatch(UUID);
    expect(assign([["X-Request-ID", "a".repeat(128)]]).id).toBe("a".repeat(128));
  });

  it("replaces an id with spaces, quotes or separators (stops log forging)", () => {
    for (const hostile of ['x" level="error', "a b", "a,b", "{}", "ü"]) {
      expect(assign([["X-Request-ID", hostile]]).id).toMatch(UUID);
    }
  });
});
