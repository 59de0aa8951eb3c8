import { describe, expect, it } from "vitest";
import { buildServiceUrl, normalizeHost, parseServiceHost } from "./service-url";

describe("Service URLs", () => {
  it("builds the flattened form, with the port only when it is not the scheme's default", () => {
    expect(
      buildServiceUrl({ slug: "demo", hash: "0a1b2c3", baseDomain: "localhost", scheme: "http", port: 8080 }),
    ).toBe("http://api--demo--0a1b2c3.localhost:8080");
    expect(buildServiceUrl({ slug: "demo", hash: "0a1b2c3", baseDomain: "flux.dev", scheme: "https", port: 443 })).toBe(
      "https://api--demo--0a1b2c3.flux.dev",
    );
  });

  it("parses flattened and legacy dotted hosts", () => {
    expect(parseServiceHost("api--bloom-atelier--0a1b2c3.flux.dev", "flux.dev")).toEqual({
      slug: "bloom-atelier",
      hash: "0a1b2c3",
      form: "flattened",
    });
    expect(parseServiceHost("api.bloom-atelier.0a1b2c3.flux.dev", "flux.dev")).toEqual({
      slug: "bloom-atelier",
      hash: "0a1b2c3",
      form: "dotted",
    });
  });

  it("folds case, strips the port and one trailing dot", () => {
    expect(parseServiceHost("API--Demo--0A1B2C3.LOCALHOST:8080", "localhost")).toEqual({
      slug: "demo",
      hash: "0a1b2c3",
      form: "flattened",
    });
    expect(parseServiceHost("api--demo--0a1b2c3.localhost.", "localhost")).toMatchObject({ slug: "demo" });
  });

  it("round-trips a built URL", () => {
    const url = new URL(
      buildServiceUrl({ slug: "a-b-c", hash: "abcdef0", baseDomain: "localhost", scheme: "http", port: 8080 }),
    );
    expect(parseServiceHost(url.host, "localhost")).toEqual({ slug: "a-b-c", hash: "abcdef0", form: "flattened" });
  });

  it.each([
    "api--demo--0a1b2c3.evil.com",
    "api--demo--0a1b2c3.localhost.evil.com",
    "api--demo--0a1b2c.localhost",
    "api--demo--zzzzzzz.localhost",
    "web--demo--0a1b2c3.localhost",
    "api--demo--0a1b2c3",
    "api--dé--0a1b2c3.localhost",
    "api--demo--0a1b2c3.localhost:99999x",
    "api.x.y.0a1b2c3.localhost",
    "",
    "[::1]:8080",
  ])("refuses %s", (host) => {
    expect(parseServiceHost(host, "localhost")).toBeNull();
  });

  it("normalises only plain DNS names", () => {
    expect(normalizeHost("Example.COM:80")).toBe("example.com");
    expect(normalizeHost("exa mple.com")).toBeNull();
    expect(normalizeHost("a..b")).toBeNull();
    expect(normalizeHost("ünicode.com")).toBeNull();
  });
});
