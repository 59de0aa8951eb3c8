import { describe, expect, it } from "vitest";
import { raisedPgrstError } from "./raised-pgrst-error";
import { RestError } from "./rest-error";
import { applySqlResponse } from "./sql-response";

const reply = { status: 200, body: "1", headers: { "Content-Range": "0-0/*" } };

describe("applySqlResponse", () => {
  it("overrides the status and adds headers from response.status / response.headers", () => {
    const applied = applySqlResponse(reply, { status: "201", headers: '[{"Location":"/x"},{"X-A":"b"}]' });
    expect(applied).toEqual({
      status: 201,
      body: "1",
      headers: { "Content-Range": "0-0/*", Location: "/x", "X-A": "b" },
    });
  });

  it("never lets SQL set framing headers or inject a header line", () => {
    expect(applySqlResponse(reply, { status: null, headers: '[{"Content-Length":"5"}]' }).headers).toEqual(
      reply.headers,
    );
    expect(() => applySqlResponse(reply, { status: null, headers: '[{"X-A":"b\\r\\nSet-Cookie: s=1"}]' })).toThrow(
      RestError,
    );
  });

  it.each(['{"a":"b"}', '[{"a":"b","c":"d"}]', '[{"a":1}]', "not json"])(
    "refuses response.headers %s with PGRST111",
    (headers) => {
      expect(() => applySqlResponse(reply, { status: null, headers })).toThrow(
        expect.objectContaining({ code: "PGRST111", status: 500 }),
      );
    },
  );

  it.each(["teapot", "42", "600", "2011"])("refuses response.status %s with PGRST112", (status) => {
    expect(() => applySqlResponse(reply, { status, headers: null })).toThrow(
      expect.objectContaining({ code: "PGRST112" }),
    );
  });
});

describe("raisedPgrstError", () => {
  it("takes the body from the message and status and headers from the detail", () => {
    const error = raisedPgrstError({
      message: '{"code":"123","message":"m","hint":"h"}',
      detail: '{"status":418,"headers":{"X-Powered-By":"Nerd"}}',
    });
    expect(error.status).toBe(418);
    expect(error.headers).toEqual({ "X-Powered-By": "Nerd" });
    expect(error.toBody()).toEqual({ code: "123", message: "m", details: null, hint: "h" });
  });

  it.each([
    ["a message that is not JSON", "oops", '{"status":400}'],
    ["a detail that is not JSON", '{"message":"m"}', "oops"],
    ["a detail without a status", '{"message":"m"}', "{}"],
  ])("answers 500 PGRST121 for %s", (_case, message, detail) => {
    expect(raisedPgrstError({ message, detail })).toMatchObject({ status: 500, code: "PGRST121" });
  });
});
