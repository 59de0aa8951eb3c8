import { describe, expect, it } from "vitest";
import { RELATION_MEDIA, ROOT_MEDIA, WRITE_MEDIA } from "./media-types";
import { negotiate } from "./negotiate";
import { RestError } from "./rest-error";

const pick = (accept: string | undefined, produces = RELATION_MEDIA) =>
  negotiate(accept === undefined ? {} : { accept }, produces);

describe("negotiate", () => {
  it("defaults to the resource's first media type without Accept or with a wildcard", () => {
    expect(pick(undefined)).toBe("json");
    expect(pick("*/*")).toBe("json");
    expect(pick("application/*")).toBe("json");
    expect(pick("*/*", ROOT_MEDIA)).toBe("openapi");
  });

  it("recognises PostgREST's media types, parameters ignored", () => {
    expect(pick("text/csv")).toBe("csv");
    expect(pick("application/vnd.pgrst.object+json;nulls=stripped")).toBe("object-stripped");
    expect(pick("application/vnd.pgrst.object")).toBe("object");
    expect(pick("application/json; charset=utf-8")).toBe("json");
    expect(pick("application/vnd.pgrst.array+json; nulls=stripped")).toBe("json-stripped");
    expect(pick("application/json;nulls=stripped")).toBe("json");
  });

  it("orders by q-value, then by the client's order, and never picks q=0", () => {
    expect(pick("application/json;q=0.5, text/csv")).toBe("csv");
    expect(pick("text/csv, application/json")).toBe("csv");
    expect(pick("text/csv;q=0, application/json;q=0.1")).toBe("json");
  });

  it("answers 406 PGRST107 listing the requested types when nothing fits", () => {
    try {
      pick("text/csv", WRITE_MEDIA);
      throw new Error("expected 406");
    } catch (error) {
      expect(error).toBeInstanceOf(RestError);
      expect((error as RestError).status).toBe(406);
      expect((error as RestError).toBody()).toEqual({
        code: "PGRST107",
        message: "None of these media types are available: text/csv",
        details: null,
        hint: null,
      });
    }
  });
});
