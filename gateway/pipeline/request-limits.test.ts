import { describe, expect, it } from "vitest";
import { stubRequest } from "../testing/stubs";
import { checkRequestLimits } from "./request-limits";

const limits = { maxUrlBytes: 64, maxBodyBytes: 100 };

describe("request limits step", () => {
  it("refuses a URL over the limit with 414 and a declared body over the limit with 413", () => {
    expect(() => checkRequestLimits(stubRequest({ url: `/t?${"a".repeat(80)}` }), limits)).toThrow(
      expect.objectContaining({ status: 414, code: "FLUX-GW-URL-TOO-LONG" }),
    );
    const big = stubRequest({ method: "POST", headers: [["Content-Length", "101"]] });
    expect(() => checkRequestLimits(big, limits)).toThrow(
      expect.objectContaining({ status: 413, code: "FLUX-GW-BODY-TOO-LARGE" }),
    );
  });

  it("lets requests within the limits through", () => {
    expect(() =>
      checkRequestLimits(stubRequest({ url: "/todos", headers: [["Content-Length", "100"]] }), limits),
    ).not.toThrow();
  });
});
