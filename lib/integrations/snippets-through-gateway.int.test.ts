import { execFile } from "node:child_process";
import { mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import type http from "node:http";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { SignJWT } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { projectWithMembers } from "@/app/api/v1/projects/[slug]/issuers/issuer-test-kit";
import {
  DELETE as removeIssuer,
  GET as listIssuers,
  POST as addIssuer,
} from "@/app/api/v1/projects/[slug]/issuers/route";
import { runFlux, serveRoutes, type ServedRoute } from "@/cli/testing/serve-routes";
import { startTestGateway, type TestGateway } from "@/gateway/testing/harness";
import { send } from "@/gateway/testing/send";
import { closeServerDb } from "@/lib/api/server-db";
import { closeControlPlaneRedis } from "@/lib/cache/control-plane-redis";
import { newIssuerKey, startJwksServer, type JwksServer } from "@/tests/fixtures/jwks-server";
import { authJsSnippets, clerkSnippets, issuersAddCommand } from ".";

/**
 * Every snippet of the Integrations page, used the way a developer would use it, with the token it produces
 * sent through the real gateway: the Auth.js module runs in a plain node process, the Clerk template is signed as
 * Clerk signs it, the `flux issuers add` line runs through the real CLI.
 */
let gw: TestGateway;
let routes: http.Server;
let jwks: JwksServer | undefined;
const scratch = mkdtempSync(path.join(os.tmpdir(), "flux-snippets-"));
beforeAll(async () => {
  process.env.FLUX_JWKS_ALLOW_LOOPBACK_HTTP = "1";
  gw = await startTestGateway({ env: { FLUX_JWKS_ALLOW_LOOPBACK_HTTP: "1" } });
  routes = await serveRoutes([
    { method: "POST", pattern: "/api/v1/projects/:slug/issuers", handler: addIssuer },
    { method: "GET", pattern: "/api/v1/projects/:slug/issuers", handler: listIssuers },
    { method: "DELETE", pattern: "/api/v1/projects/:slug/issuers", handler: removeIssuer },
  ] as ServedRoute[]);
  // The snippet imports "jose" like an app would; resolve it from this repository's node_modules.
  symlinkSync(path.resolve("node_modules"), path.join(scratch, "node_modules"), "dir");
});
afterAll(async () => {
  rmSync(scratch, { recursive: true, force: true });
  await jwks?.close();
  await new Promise((resolve) => routes.close(resolve));
  await gw?.close();
  await closeServerDb();
  await closeControlPlaneRedis();
});

const serviceUrlOf = (host: string) => `http://${host}`;
const through = (host: string, token: string) =>
  send(gw.port, { host, path: "/todos", headers: { Authorization: `Bearer ${token}` } });
/** The `.env` lines a snippet shows, as a process environment. */
const dotenv = (text: string) =>
  Object.fromEntries(
    text.split("\n").map((line) => [line.slice(0, line.indexOf("=")), line.slice(line.indexOf("=") + 1)]),
  );
const bridgeOf = (answer: { json: () => unknown }) =>
  (answer.json() as { bridge: { claims: Record<string, unknown> } | null }).bridge;

/** What Clerk does with a template: shortcodes filled from the user, then its own reserved claims on top. */
function clerkClaims(template: string, user: { id: string; email: string }, lifetimeSeconds: number, iss: string) {
  const filled = JSON.parse(
    template.replaceAll("{{user.primary_email_address}}", user.email).replaceAll("{{user.id}}", user.id),
  ) as Record<string, unknown>;
  const now = Math.floor(Date.now() / 1000);
  return {
    ...filled,
    sub: user.id,
    iat: now,
    nbf: now - 5,
    exp: now + lifetimeSeconds,
    iss,
    azp: "http://localhost:3000",
    jti: "clerk-jti-1",
  };
}

describe("Integrations page snippets, used for real", () => {
  it("Auth.js: the token-minting module, run by node with the .env it shows, mints a token the gateway accepts", async () => {
    const p = await projectWithMembers(["owner"]);
    const snippets = authJsSnippets({ serviceUrl: serviceUrlOf(p.host), secret: p.secret });
    writeFileSync(path.join(scratch, "flux-token.mjs"), snippets.mintModule);
    writeFileSync(
      path.join(scratch, "mint.mjs"),
      'import { mintFluxToken } from "./flux-token.mjs";\nprocess.stdout.write(await mintFluxToken({ id: "user_authjs_42" }));\n',
    );
    const env = dotenv(snippets.env);
    const { stdout: token } = await promisify(execFile)("node", [path.join(scratch, "mint.mjs")], {
      env: { NODE_ENV: "production", PATH: process.env.PATH, ...env },
      cwd: scratch,
    });
    const answer = await through(p.host, token);
    expect(answer.status).toBe(200);
    expect(bridgeOf(answer)?.claims).toMatchObject({
      role: "authenticated",
      sub: "user_authjs_42",
      exp: expect.any(Number),
    });
  });

  it("Auth.js: with the placeholder a viewer sees, the module refuses to mint instead of signing with a wrong key", async () => {
    const p = await projectWithMembers(["viewer"]);
    const snippets = authJsSnippets({ serviceUrl: serviceUrlOf(p.host), secret: null });
    writeFileSync(path.join(scratch, "flux-token.mjs"), snippets.mintModule);
    writeFileSync(
      path.join(scratch, "mint.mjs"),
      'import { mintFluxToken } from "./flux-token.mjs";\nprocess.stdout.write(await mintFluxToken({ id: "u" }));\n',
    ); // same driver as above
    const env = dotenv(snippets.env);
    expect(env.FLUX_JWT_SECRET).toMatch(/^<project JWT secret/);
    const run = promisify(execFile)("node", [path.join(scratch, "mint.mjs")], {
      env: { NODE_ENV: "production", PATH: process.env.PATH, ...env },
      cwd: scratch,
    });
    await expect(run).rejects.toMatchObject({ stderr: expect.stringContaining("FLUX_JWT_SECRET is not set") });
  });

  it("Clerk (custom signing key): a token signed as Clerk signs the template with the key shown passes the gateway", async () => {
    const p = await projectWithMembers(["owner"]);
    const clerk = clerkSnippets({ serviceUrl: serviceUrlOf(p.host), secret: p.secret });
    const setting = (name: string) => new RegExp(`^${name}: (.+)$`, "m").exec(clerk.settings)?.[1] ?? "";
    expect(setting("Signing algorithm")).toBe("HS256");
    const claims = clerkClaims(
      clerk.claims,
      { id: "user_2abcClerk", email: "ada@example.test" },
      60,
      "https://clerk.example.test",
    );
    const token = await new SignJWT(claims)
      .setProtectedHeader({ alg: "HS256", typ: "JWT" })
      .sign(new TextEncoder().encode(setting("Signing key")));
    const answer = await through(p.host, token);
    expect(answer.status).toBe(200);
    expect(bridgeOf(answer)?.claims).toMatchObject({
      role: "authenticated",
      sub: "user_2abcClerk",
      email: "ada@example.test",
    });
  });

  it("JWKS: the `flux issuers add` line, run through the CLI, makes the gateway accept the provider's RS256 tokens", async () => {
    const p = await projectWithMembers(["owner"]);
    const key = await newIssuerKey("RS256", "ins_2clerk");
    jwks = await startJwksServer([key]);
    const issuer = "https://clerk.example.test";
    const command = issuersAddCommand({ slug: p.slug, issuer, jwksUrl: jwks.url });
    const [program, ...args] = command.split(" ");
    expect(program).toBe("flux");
    const ran = await runFlux(routes, args, p.members.owner.token);
    expect(ran.code, ran.stderr).toBe(0);

    const clerk = clerkSnippets({ serviceUrl: serviceUrlOf(p.host), secret: null });
    const claims = clerkClaims(clerk.claims, { id: "user_2jwks", email: "lin@example.test" }, 60, issuer);
    const token = await new SignJWT(claims)
      .setProtectedHeader({ alg: "RS256", kid: key.kid, typ: "JWT" })
      .sign(key.privateKey);
    const answer = await through(p.host, token);
    expect(answer.status).toBe(200);
    expect(bridgeOf(answer)?.claims).toMatchObject({ sub: "user_2jwks", iss: issuer });
  }, 240_000);
});
