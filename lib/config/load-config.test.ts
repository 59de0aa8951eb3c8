import { describe, expect, it } from "vitest";
import { loadConfig } from "./load-config";
import { tenantDatabaseUrlFor } from "./tenant-database-url";

const valid = {
  DATABASE_URL: "postgres://postgres@127.0.0.1:5432/flux",
  FLUX_MASTER_KEY: "a".repeat(64),
  FLUX_DATA_PLANE_KEY: "d".repeat(32),
  FLUX_BRIDGE_SECRET: "b".repeat(32),
  NEXTAUTH_SECRET: "n".repeat(32),
};

describe("loadConfig", () => {
  it("fills defaults and derives the tenant database", () => {
    const config = loadConfig(valid);
    expect(config.FLUX_GATEWAY_PORT).toBe(8080);
    expect(config.tenantDatabaseUrl).toBe("postgres://postgres@127.0.0.1:5432/flux_tenants");
    expect(config.restUrl).toBe("http://127.0.0.1:3100");
  });

  it("names every bad variable and how to fix it", () => {
    expect(() => loadConfig({ ...valid, FLUX_MASTER_KEY: "short", FLUX_GATEWAY_PORT: "99999" })).toThrow(
      /FLUX_MASTER_KEY: FLUX_MASTER_KEY must be 64 hex characters[\s\S]*FLUX_GATEWAY_PORT/,
    );
    expect(() => loadConfig({ ...valid, DATABASE_URL: undefined })).toThrow(/DATABASE_URL/);
  });

  it("keeps credentials when deriving the tenant database URL", () => {
    expect(tenantDatabaseUrlFor("postgres://u:p%40ss@db:5432/sys?sslmode=require")).toBe(
      "postgres://u:p%40ss@db:5432/sys_tenants?sslmode=require",
    );
  });

  it("accepts DNS servers as ip, ip:port and [ipv6]:port, and refuses anything else naming FLUX_DNS_SERVERS", () => {
    expect(
      loadConfig({ ...valid, FLUX_DNS_SERVERS: "1.1.1.1, 127.0.0.1:5353,[::1]:53,2001:db8::1" }).FLUX_DNS_SERVERS,
    ).toBeDefined();
    expect(loadConfig(valid).FLUX_DNS_TIMEOUT_MS).toBe(3000);
    for (const bad of ["dns.example.com", "127.0.0.1:0", "127.0.0.1:99999", "1.1.1.1,", "[::1]:x"]) {
      expect(() => loadConfig({ ...valid, FLUX_DNS_SERVERS: bad }), bad).toThrow(
        /FLUX_DNS_SERVERS must be a comma list of IP\[:port\]/,
      );
    }
  });
});
