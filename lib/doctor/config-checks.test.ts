import { describe, expect, it } from "vitest";
import { GatewaySettings } from "@/gateway/config";
import { loadConfig } from "@/lib/config";
import { checkPublicUrls, checkSecrets, checkTrustProxy } from "./config-checks";
import { doctorExitCode } from "./types";

const env = {
  DATABASE_URL: "postgres://postgres@127.0.0.1:5432/flux",
  FLUX_MASTER_KEY: "a".repeat(64),
  FLUX_DATA_PLANE_KEY: "b".repeat(32),
  FLUX_BRIDGE_SECRET: "c".repeat(32),
  NEXTAUTH_SECRET: "d".repeat(32),
};
const gateway = (extra: Record<string, string> = {}) => GatewaySettings.parse(extra);

describe("doctor configuration checks", () => {
  it("fails when two secrets share a value, naming both", () => {
    const row = checkSecrets(loadConfig({ ...env, FLUX_BRIDGE_SECRET: "b".repeat(32) }), gateway());
    expect(row).toMatchObject({ status: "FAIL" });
    expect(row.detail).toContain("FLUX_DATA_PLANE_KEY and FLUX_BRIDGE_SECRET");
    expect(checkSecrets(loadConfig(env), gateway()).status).toBe("PASS");
  });

  it("warns about https on localhost and a dashboard URL outside the base domain", () => {
    expect(checkPublicUrls(loadConfig({ ...env, FLUX_PUBLIC_SCHEME: "https" }), {}).status).toBe("WARN");
    const outside = checkPublicUrls(loadConfig({ ...env, FLUX_BASE_DOMAIN: "flux.example.com" }), {
      NEXTAUTH_URL: "http://dash.other.com",
    });
    expect(outside).toMatchObject({ status: "WARN" });
    expect(checkPublicUrls(loadConfig(env), { NEXTAUTH_URL: "http://localhost:3000" }).status).toBe("PASS");
  });

  it("warns when https is public but forwarded headers are not trusted, and when they are trusted on localhost", () => {
    expect(
      checkTrustProxy(
        loadConfig({ ...env, FLUX_BASE_DOMAIN: "flux.example.com", FLUX_PUBLIC_SCHEME: "https" }),
        gateway(),
      ).status,
    ).toBe("WARN");
    expect(checkTrustProxy(loadConfig(env), gateway({ FLUX_TRUST_PROXY: "1" })).status).toBe("WARN");
    expect(checkTrustProxy(loadConfig(env), gateway()).status).toBe("PASS");
  });

  it("exits 1 on any FAIL unless --warnings-only", () => {
    const rows = [
      { check: "a", status: "WARN" as const, detail: "" },
      { check: "b", status: "FAIL" as const, detail: "" },
    ];
    expect(doctorExitCode(rows, false)).toBe(1);
    expect(doctorExitCode(rows, true)).toBe(0);
    expect(doctorExitCode(rows.slice(0, 1), false)).toBe(0);
  });
});
