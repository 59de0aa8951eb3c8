import { mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { resolveApiUrl, resolveToken, saveCredentials, validateApiUrl } from "./credentials";
import { CliError } from "./errors";

const saved = { ...process.env };

describe("CLI credentials", () => {
  beforeEach(() => {
    process.env.XDG_CONFIG_HOME = mkdtempSync(path.join(os.tmpdir(), "flux-cred-"));
    delete process.env.FLUX_API_URL;
    delete process.env.FLUX_TOKEN;
  });
  afterEach(() => {
    process.env = { ...saved };
  });

  it("tells a user who never logged in how to log in", () => {
    expect(() => resolveToken()).toThrow(CliError);
    expect(() => resolveToken()).toThrow(/not logged in/);
  });

  it("uses what `flux login` stored", () => {
    saveCredentials({ apiUrl: "http://localhost:3999", token: "flux_pat_stored" });
    expect(resolveToken()).toBe("flux_pat_stored");
    expect(resolveApiUrl()).toBe("http://localhost:3999");
  });

  it("lets FLUX_API_URL and FLUX_TOKEN override the stored login", () => {
    saveCredentials({ apiUrl: "http://localhost:3999", token: "flux_pat_stored" });
    process.env.FLUX_API_URL = "http://127.0.0.1:4000/";
    process.env.FLUX_TOKEN = "flux_pat_env";
    expect(resolveToken()).toBe("flux_pat_env");
    expect(resolveApiUrl()).toBe("http://127.0.0.1:4000");
  });

  it("refuses an --api-url that is not an http(s) URL", () => {
    expect(() => validateApiUrl("localhost:3000")).toThrow(/http:\/\/ or https:\/\//);
    expect(() => validateApiUrl("not a url")).toThrow(/not a URL/);
  });
});
