import { describe, expect, it } from "vitest";
import { authJsSnippets, clerkSnippets, issuersAddCommand, SECRET_PLACEHOLDER, shellQuote } from ".";

const serviceUrl = "https://api--demo--abc1234.flux.example";

describe("integration snippets", () => {
  it("fill the Auth.js env with the secret only when one is given, and always with the Service URL", () => {
    expect(authJsSnippets({ serviceUrl, secret: "s3cr3t" }).env).toBe(
      `FLUX_SERVICE_URL=${serviceUrl}\nFLUX_JWT_SECRET=s3cr3t`,
    );
    const hidden = authJsSnippets({ serviceUrl, secret: null });
    expect(hidden.env).toContain(`FLUX_JWT_SECRET=${SECRET_PLACEHOLDER}`);
    expect(JSON.stringify(hidden)).not.toContain("s3cr3t");
  });

  it("mint HS256 tokens with role, sub and exp in the Auth.js module, importing nothing but jose", () => {
    const { mintModule } = authJsSnippets({ serviceUrl, secret: null, role: "member" });
    expect([...mintModule.matchAll(/^import .* from "([^"]+)";$/gm)].map((m) => m[1])).toEqual(["jose"]);
    expect(mintModule).toContain('alg: "HS256"');
    expect(mintModule).toContain('role = "member"');
    expect(mintModule).toMatch(/setSubject\(String\(user\.id\)\)/);
    expect(mintModule).toMatch(/setExpirationTime\(/);
  });

  it("give Clerk a claims JSON with the role, and the HS256 signing settings with the secret or a placeholder", () => {
    const clerk = clerkSnippets({ serviceUrl, secret: "s3cr3t" });
    expect(JSON.parse(clerk.claims)).toEqual({ role: "authenticated", email: "{{user.primary_email_address}}" });
    expect(clerk.settings).toMatch(/^Signing algorithm: HS256$/m);
    expect(clerk.settings).toMatch(/^Signing key: s3cr3t$/m);
    expect(clerkSnippets({ serviceUrl, secret: null }).settings).toContain(`Signing key: ${SECRET_PLACEHOLDER}`);
    expect(clerk.client).toContain(`${serviceUrl}/todos`);
  });

  it("fill `flux issuers add` for the project, with Clerk's JWKS path by default", () => {
    expect(issuersAddCommand({ slug: "demo" })).toBe(
      "flux issuers add --project demo --issuer 'https://<your-clerk-frontend-api>' --jwks-url 'https://<your-clerk-frontend-api>/.well-known/jwks.json'",
    );
    expect(issuersAddCommand({ slug: "demo", issuer: "https://auth.example.com/", audience: "flux" })).toBe(
      "flux issuers add --project demo --issuer https://auth.example.com/ --jwks-url https://auth.example.com/.well-known/jwks.json --audience flux",
    );
  });

  it("quote shell arguments that need it, including single quotes", () => {
    expect(shellQuote("plain-value_1.2")).toBe("plain-value_1.2");
    expect(shellQuote("it's $HOME")).toBe(`'it'\\''s $HOME'`);
  });
});
