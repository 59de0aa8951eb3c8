import { describe, expect, it } from "vitest";
import { normalizeCustomHostname } from "./hostname";

const ok = (input: string, base = "flux.example.net") => normalizeCustomHostname(input, base);

describe("normalizeCustomHostname", () => {
  it.each([
    ["API.Example.COM", "api.example.com"],
    ["api.example.com.", "api.example.com"],
    ["  shop.example.org  ", "shop.example.org"],
    ["Bücher.example", "xn--bcher-kva.example"],
    ["xn--bcher-kva.example", "xn--bcher-kva.example"],
    ["a-b.c-d.example.co.uk", "a-b.c-d.example.co.uk"],
  ])("normalises %j to %j", (input, expected) => {
    expect(ok(input)).toEqual({ ok: true, hostname: expected });
  });

  it.each([
    ["", /required/],
    ["*.example.com", /wildcard/],
    ["1.2.3.4", /IP address/],
    ["127.1", /IP address/],
    ["0x7f.1", /IP address/],
    ["[::1]", /IP address/],
    ["::1", /IP address/],
    ["example", /single label/],
    ["a..example.com", /invalid label ''/],
    ["-a.example.com", /invalid label '-a'/],
    ["a_b.example.com", /invalid label 'a_b'/],
    ["xn--zz.example.com", /IDNA/],
    ["ex ample.com", /bare hostname/],
    ["https://api.example.com", /bare hostname/],
    ["api.example.com:443", /bare hostname/],
    [`${"a".repeat(64)}.example.com`, /invalid label/],
    [`${"abcdefghi.".repeat(26)}com`, /longer than 253/],
    ["example.123", /IDNA|all-numeric/],
  ])("refuses %j", (input, message) => {
    const checked = ok(input);
    expect(checked.ok).toBe(false);
    if (!checked.ok) expect(checked.message).toMatch(message);
  });

  it("refuses hosts the platform serves itself: localhost and anything under the base domain (hijack of a Service URL)", () => {
    for (const host of [
      "localhost",
      "api.localhost",
      "flux.example.net",
      "api--shop--abc1234.flux.example.net",
      "A.FLUX.EXAMPLE.NET.",
    ]) {
      const checked = ok(host);
      expect(checked.ok, host).toBe(false);
      if (!checked.ok) expect(checked.message).toMatch(/platform serves itself/);
    }
    expect(ok("notflux.example.net")).toEqual({ ok: true, hostname: "notflux.example.net" });
  });
});
