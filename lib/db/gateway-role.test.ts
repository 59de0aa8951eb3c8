import { describe, expect, it } from "vitest";
import { derivedRolePassword } from "@/lib/secrets";
import { gatewayDatabaseUrl, gatewayRoleName } from "./gateway-role";

const key = "k".repeat(64);

describe("the gateway's database login", () => {
  it("is flux_gateway for the default flux-system database, and <database>_gateway otherwise", () => {
    expect(gatewayRoleName("postgres://postgres@127.0.0.1:5432/flux")).toBe("flux_gateway");
    expect(gatewayRoleName("postgres://postgres@db:5432/staging")).toBe("staging_gateway");
  });

  it("replaces only the login of DATABASE_URL: host, port, database and options stay", () => {
    const url = new URL(gatewayDatabaseUrl("postgres://owner:owner-pw@db.internal:6432/flux?sslmode=require", key));
    expect(url.username).toBe("flux_gateway");
    expect(decodeURIComponent(url.password)).toBe(derivedRolePassword(key, "flux_gateway"));
    expect(`${url.host}${url.pathname}${url.search}`).toBe("db.internal:6432/flux?sslmode=require");
    expect(url.toString()).not.toContain("owner-pw");
  });

  it("refuses a database name that would make the role name longer than PostgreSQL allows", () => {
    expect(() => gatewayRoleName(`postgres://db/${"x".repeat(60)}`)).toThrow(/63 bytes/);
  });
});
