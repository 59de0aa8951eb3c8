import type { IncomingMessage } from "node:http";
import { describe, expect, it } from "vitest";
import { RestError } from "@/rest/respond/rest-error";
import { checkProfile } from "./check-profile";

const request = (method: string, headers: Record<string, string>) =>
  ({ method, headers }) as unknown as IncomingMessage;
const SCHEMA = "t_aaaaaaaaaaaa_api";
const OTHER = "t_bbbbbbbbbbbb_api";

function refusal(req: IncomingMessage): RestError {
  try {
    checkProfile(req, SCHEMA);
  } catch (error) {
    if (error instanceof RestError) return error;
  }
  throw new Error("expected a refusal");
}

describe("checkProfile", () => {
  it("accepts no profile header, or the token's own schema", () => {
    expect(() => checkProfile(request("GET", {}), SCHEMA)).not.toThrow();
    expect(() => checkProfile(request("GET", { "accept-profile": SCHEMA }), SCHEMA)).not.toThrow();
    expect(() => checkProfile(request("POST", { "content-profile": SCHEMA }), SCHEMA)).not.toThrow();
  });

  it("refuses another tenant's schema in Accept-Profile exactly as PostgREST refuses an unexposed schema", () => {
    const error = refusal(request("GET", { "accept-profile": OTHER }));
    expect(error.status).toBe(406);
    expect(error.toBody()).toEqual({
      code: "PGRST106",
      message: `Invalid schema: ${OTHER}`,
      details: null,
      hint: `Only the following schemas are exposed: ${SCHEMA}`,
    });
  });

  it("refuses another schema in Content-Profile on writes, and reads the right header per method", () => {
    expect(refusal(request("POST", { "content-profile": "public" })).code).toBe("PGRST106");
    expect(refusal(request("PATCH", { "content-profile": "pg_catalog" })).message).toBe("Invalid schema: pg_catalog");
    // A write's Accept-Profile is not its profile header (PostgREST reads Content-Profile for writes).
    expect(() => checkProfile(request("POST", { "accept-profile": OTHER }), SCHEMA)).not.toThrow();
  });
});
