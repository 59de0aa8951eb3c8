import { describe, expect, it } from "vitest";
import { loadGatewaySettings } from "./config";

describe("gateway settings", () => {
  it("defaults the rate-limit multiplier to 1 and parses a raised one", () => {
    expect(loadGatewaySettings({}).FLUX_RATE_LIMIT_MULTIPLIER).toBe(1);
    expect(loadGatewaySettings({ FLUX_RATE_LIMIT_MULTIPLIER: "50" }).FLUX_RATE_LIMIT_MULTIPLIER).toBe(50);
  });

  it("stops with a message naming the bad variable", () => {
    expect(() => loadGatewaySettings({ FLUX_RATE_LIMIT_MULTIPLIER: "0" })).toThrow(/FLUX_RATE_LIMIT_MULTIPLIER/);
    expect(() => loadGatewaySettings({ FLUX_GATEWAY_CONNECT_TIMEOUT_MS: "soon" })).toThrow(/FLUX_GATEWAY_CONNECT_TIMEOUT_MS/);
  });
});
