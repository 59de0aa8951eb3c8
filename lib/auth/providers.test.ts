import { describe, expect, it } from "vitest";
import { loadConfig } from "@/lib/config/load-config";
import type { Executor } from "@/lib/db";
import { buildAuthOptions } from "./options";
import { signInProviders } from "./providers";

const base = {
  DATABASE_URL: "postgres://postgres@127.0.0.1:5432/flux",
  FLUX_MASTER_KEY: "a".repeat(64),
  FLUX_DATA_PLANE_KEY: "d".repeat(32),
  FLUX_BRIDGE_SECRET: "b".repeat(32),
  NEXTAUTH_SECRET: "n".repeat(32),
};
const noDb = (): Executor => {
  throw new Error("no database in this test");
};
const idsFor = (env: Record<string, string>) => signInProviders(loadConfig({ ...base, ...env }), noDb).map((p) => p.id);

describe("sign-in providers follow the environment", () => {
  it("offers only e-mail and password when no provider is configured", () => {
    expect(idsFor({})).toEqual(["credentials"]);
  });

  it("adds GitHub when its client id and secret are set", () => {
    expect(idsFor({ FLUX_GITHUB_CLIENT_ID: "gh-id", FLUX_GITHUB_CLIENT_SECRET: "gh-secret" })).toEqual([
      "credentials",
      "github",
    ]);
  });

  it("adds a generic OIDC provider pointing at the issuer's discovery document, with PKCE and state", () => {
    const config = loadConfig({
      ...base,
      FLUX_OIDC_ISSUER: "https://sso.example.com/",
      FLUX_OIDC_CLIENT_ID: "id",
      FLUX_OIDC_CLIENT_SECRET: "s",
      FLUX_OIDC_NAME: "Acme SSO",
    });
    const oidc = signInProviders(config, noDb).find((p) => p.id === "oidc") as {
      name: string;
      wellKnown: string;
      checks: string[];
    };
    expect(oidc).toMatchObject({
      name: "Acme SSO",
      wellKnown: "https://sso.example.com/.well-known/openid-configuration",
      checks: ["pkce", "state"],
    });
  });

  it("refuses half a provider configuration at start-up, naming the missing variable", () => {
    expect(() => loadConfig({ ...base, FLUX_GITHUB_CLIENT_ID: "gh-id" })).toThrow(
      /FLUX_GITHUB_CLIENT_SECRET is required when FLUX_GITHUB_CLIENT_ID is set/,
    );
    expect(() => loadConfig({ ...base, FLUX_OIDC_ISSUER: "https://sso.example.com" })).toThrow(
      /FLUX_OIDC_CLIENT_ID is required/,
    );
  });
});

describe("session expiry", () => {
  it("defaults to 8 hours and follows FLUX_SESSION_MAX_AGE_SECONDS", () => {
    expect(buildAuthOptions(loadConfig(base)).session?.maxAge).toBe(28_800);
    expect(buildAuthOptions(loadConfig({ ...base, FLUX_SESSION_MAX_AGE_SECONDS: "3600" })).session?.maxAge).toBe(3600);
    expect(() => loadConfig({ ...base, FLUX_SESSION_MAX_AGE_SECONDS: "10" })).toThrow(/at least 300/);
  });
});
