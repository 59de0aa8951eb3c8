import { describe, expect, it } from "vitest";
import { stubRequest, stubResponse } from "../testing/stubs";
import { applyCors } from "./cors";

describe("cors step", () => {
  it("answers a browser preflight with 204 and the allowed methods and headers", () => {
    const req = stubRequest({
      method: "OPTIONS",
      headers: [
        ["Origin", "https://app.example"],
        ["Access-Control-Request-Method", "POST"],
      ],
    });
    const res = stubResponse(req);
    expect(applyCors(req, res)).toBe(true);
    expect(res.statusCode).toBe(204);
    expect(res.getHeader("access-control-allow-headers")).toContain("authorization");
    expect(res.getHeader("access-control-allow-origin")).toBe("*");
  });

  it("lets a cross-origin request continue with exposed headers, and leaves same-origin requests alone", () => {
    const cross = stubRequest({ headers: [["Origin", "https://app.example"]] });
    const crossRes = stubResponse(cross);
    expect(applyCors(cross, crossRes)).toBe(false);
    expect(crossRes.getHeader("access-control-expose-headers")).toContain("content-range");
    const plain = stubRequest();
    const plainRes = stubResponse(plain);
    expect(applyCors(plain, plainRes)).toBe(false);
    expect(plainRes.getHeader("access-control-allow-origin")).toBeUndefined();
  });
});

describe("cors step with a project's origin list", () => {
  const preflight = (origin: string) =>
    stubRequest({
      method: "OPTIONS",
      headers: [
        ["Origin", origin],
        ["Access-Control-Request-Method", "GET"],
      ],
    });

  it("echoes a listed origin instead of *", () => {
    const req = preflight("https://app.example");
    const res = stubResponse(req);
    expect(applyCors(req, res, ["https://app.example"])).toBe(true);
    expect(res.getHeader("access-control-allow-origin")).toBe("https://app.example");
  });

  it("refuses a preflight from an unlisted origin and gives a plain request no allow-origin header", () => {
    const req = preflight("https://evil.example");
    expect(() => applyCors(req, stubResponse(req), ["https://app.example"])).toThrow(/not allowed/);
    const plain = stubRequest({ headers: [["Origin", "https://evil.example"]] });
    const plainRes = stubResponse(plain);
    expect(applyCors(plain, plainRes, ["https://app.example"])).toBe(false);
    expect(plainRes.getHeader("access-control-allow-origin")).toBeUndefined();
  });
});
