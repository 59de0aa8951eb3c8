import { describe, expect, it } from "vitest";
import { loadGatewaySettings } from "./config";

describe("gateway settings", () => {
  it("defaults the rate-limit multiplier to 1 and parses a raised one", () => {
    expect(loadGatewaySettings({}).FLUX_RATE_LIMIT_MULTIPLIER).toBe(1);
    expect(loadGatewaySettings({ FLUX_RATE_LIMIT_MULTIPLIER: "50" }).FLUX_RATE_LIMIT_MULTIPLIER).toBe(50);
  });

  it("stops with a message naming the bad variable", () => {
    expect(() => loadGatewaySettings({ FLUX_RATE_LIMIT_MULTIPLIER: "0" })).toThrow(/FLUX_RATE_LIMIT_MULTIPLIER/);
    expect(() => loadGatewaySettings({ FLUX_GATEWAY_CONNECT_TIMEOUT_MS: "soon" })).toThrow(
      /FLUX_GATEWAY_CONNECT_TIMEOUT_MS/,
    );
  });

  it("refuses a forward allow-list naming credential, hop-by-hop or gateway-owned headers", () => {
    for (const name of [
      "Cookie",
      "authorization",
      "Proxy-Authorization",
      "X-Api-Key",
      "x-auth-token",
      "transfer-encoding",
      "accept-profile",
    ]) {
      expect(() => loadGatewaySettings({ FLUX_GATEWAY_FORWARD_HEADERS: `accept,${name}` })).toThrow(
        /FLUX_GATEWAY_FORWARD_HEADERS/,
      );
    }
    expect(
      loadGatewaySettings({ FLUX_GATEWAY_FORWARD_HEADERS: "Accept, X-Client-Info" }).FLUX_GATEWAY_FORWARD_HEADERS,
    ).toEqual(["accept", "x-client-info"]);
  });

  it("bounds the JWT leeway and parses the upstream pool", () => {
    expect(loadGatewaySettings({}).FLUX_GATEWAY_JWT_LEEWAY_S).toBe(30);
    expect(() => loadGatewaySettings({ FLUX_GATEWAY_JWT_LEEWAY_S: "3600" })).toThrow(/FLUX_GATEWAY_JWT_LEEWAY_S/);
    expect(loadGatewaySettings({ FLUX_REST_UPSTREAMS: "http://a:1, http://b:2" }).FLUX_REST_UPSTREAMS).toEqual([
      "http://a:1",
      "http://b:2",
    ]);
    expect(() => loadGatewaySettings({ FLUX_REST_UPSTREAMS: "not a url" })).toThrow(/FLUX_REST_UPSTREAMS/);
    expect(() => loadGatewaySettings({ FLUX_GATEWAY_INTERNAL_TOKEN: "short" })).toThrow(/FLUX_GATEWAY_INTERNAL_TOKEN/);
  });
});
