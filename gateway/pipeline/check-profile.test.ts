import { describe, expect, it } from "vitest";
import { GatewayError } from "../errors";
import { stubRequest } from "../testing/stubs";
import { checkProfile } from "./check-profile";

const own = "t_aaaaaaaaaaaa_api";
const other = "t_bbbbbbbbbbbb_api";

const refusal = (method: string, headers: Array<[string, string]>): GatewayError | undefined => {
  try {
    checkProfile(stubRequest({ method, headers }), own);
    return undefined;
  } catch (error) {
    return error as GatewayError;
  }
};

describe("check-profile step", () => {
  it("refuses an Accept-Profile naming another tenant's schema on a read, in PostgREST's words", () => {
    const error = refusal("GET", [["Accept-Profile", other]]);
    expect(error).toBeInstanceOf(GatewayError);
    expect(error).toMatchObject({
      status: 406,
      code: "PGRST106",
      message: `Invalid schema: ${other}`,
      hint: `Only the following schemas are exposed: ${own}`,
      details: null,
    });
  });

  it.each(["POST", "PATCH", "PUT", "DELETE"])("refuses a Content-Profile naming another schema on %s", (method) => {
    expect(refusal(method, [["Content-Profile", "public"]])).toMatchObject({
      status: 406,
      message: "Invalid schema: public",
    });
  });

  it.each(["HEAD", "OPTIONS"])("reads Accept-Profile on %s, as PostgREST does", (method) => {
    expect(refusal(method, [["Accept-Profile", other]])?.code).toBe("PGRST106");
  });

  it("lets the tenant's own schema and an absent profile through", () => {
    expect(refusal("GET", [["Accept-Profile", own]])).toBeUndefined();
    expect(refusal("POST", [["Content-Profile", own]])).toBeUndefined();
    expect(refusal("GET", [])).toBeUndefined();
  });

  it("leaves the header PostgREST ignores for the method to the proxy, which overwrites it", () => {
    expect(refusal("GET", [["Content-Profile", other]])).toBeUndefined();
    expect(refusal("POST", [["Accept-Profile", other]])).toBeUndefined();
  });

  it("refuses a repeated profile header when any copy names another schema", () => {
    expect(
      refusal("GET", [
        ["Accept-Profile", own],
        ["accept-profile", other],
      ])?.message,
    ).toBe(`Invalid schema: ${other}`);
  });
});
