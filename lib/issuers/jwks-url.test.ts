import { describe, expect, it } from "vitest";
import { checkJwksUrl, isLoopbackHost } from "./jwks-url";

const strict = { allowLoopbackHttp: false };
const dev = { allowLoopbackHttp: true };

describe("checkJwksUrl", () => {
  it("accepts https URLs and normalises them", () => {
    expect(checkJwksUrl(" https://Clerk.Example.com/.well-known/jwks.json ", strict)).toEqual({
      ok: true,
      url: "https://clerk.example.com/.well-known/jwks.json",
    });
  });

  it("refuses plain http to the network, whatever the setting (keys could be swapped in transit)", () => {
    for (const options of [strict, dev]) {
      const checked = checkJwksUrl("http://idp.example.com/jwks.json", options);
      expect(checked).toEqual({ ok: false, message: expect.stringMatching(/must use https/) });
    }
  });

  it("accepts plain http to a loopback host only when FLUX_JWKS_ALLOW_LOOPBACK_HTTP is on, and says so", () => {
    for (const url of [
      "http://127.0.0.1:9999/jwks",
      "http://localhost/jwks",
      "http://[::1]:8080/jwks",
      "http://auth.localhost/jwks",
    ]) {
      expect(checkJwksUrl(url, dev).ok, url).toBe(true);
      expect(checkJwksUrl(url, strict), url).toEqual({
        ok: false,
        message: expect.stringContaining("FLUX_JWKS_ALLOW_LOOPBACK_HTTP=1"),
      });
    }
  });

  it("refuses other schemes, credentials in the URL, fragments and non-URLs", () => {
    expect(checkJwksUrl("file:///etc/passwd", dev)).toEqual({ ok: false, message: "must use https (got file)" });
    expect(checkJwksUrl("https://user:pw@idp.example.com/jwks", strict)).toMatchObject({
      ok: false,
      message: expect.stringMatching(/password/),
    });
    expect(checkJwksUrl("https://idp.example.com/jwks#x", strict)).toMatchObject({
      ok: false,
      message: expect.stringMatching(/fragment/),
    });
    expect(checkJwksUrl("idp.example.com/jwks", strict)).toMatchObject({
      ok: false,
      message: expect.stringMatching(/absolute URL/),
    });
  });
});

describe("isLoopbackHost", () => {
  it("knows loopback names from look-alikes", () => {
    expect(["localhost", "a.localhost", "127.0.0.1", "127.8.9.10", "[::1]"].every(isLoopbackHost)).toBe(true);
    expect(["localhost.example.com", "128.0.0.1", "10.0.0.1", "::2", "0.0.0.0"].some(isLoopbackHost)).toBe(false);
  });
});
