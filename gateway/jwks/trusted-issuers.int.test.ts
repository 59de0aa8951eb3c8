import { randomBytes } from "node:crypto";
import { exportSPKI, SignJWT, UnsecuredJWT } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  newIssuerKey,
  signIssuerToken,
  startJwksServer,
  type IssuerKey,
  type JwksServer,
} from "@/tests/fixtures/jwks-server";
import { startTestGateway, type TestGateway } from "../testing/harness";
import { seedIssuer, seedProject } from "../testing/seed-project";
import { send } from "../testing/send";
import { IssuerKeySets } from "./issuer-key-sets";

/**
 * Third-party issuers through the real gateway: a local JWKS server (node http, keys from jose generateKeyPair),
 * the gateway's own IssuerKeySets with a clock the test moves, so cooldown and max age are exercised without
 * waiting. Every test seeds its own project and issuer.
 */
const COOLDOWN_MS = 30_000;
const MAX_AGE_MS = 600_000;
let clock = 1_000_000;
let gw: TestGateway;
beforeAll(async () => {
  const issuerKeySets = new IssuerKeySets({
    cooldownMs: COOLDOWN_MS,
    maxAgeMs: MAX_AGE_MS,
    timeoutMs: 1_000,
    maxBytes: 64 * 1024,
    allowLoopbackHttp: true,
    now: () => clock,
  });
  gw = await startTestGateway({ env: { FLUX_JWKS_ALLOW_LOOPBACK_HTTP: "1" }, deps: { issuerKeySets } });
});
const servers: JwksServer[] = [];
afterAll(async () => {
  await Promise.all(servers.map((server) => server.close()));
  await gw?.close();
});

/** A project trusting one issuer whose JWKS server publishes `keys`. */
async function projectTrusting(keys: IssuerKey[], options: { audience?: string } = {}) {
  const jwks = await startJwksServer(keys);
  servers.push(jwks);
  const project = await seedProject(gw.seedDb.db);
  const issuer = `https://idp-${randomBytes(3).toString("hex")}.example.test`;
  await seedIssuer(gw.seedDb.db, project.tenantId, { issuer, jwksUrl: jwks.url, audience: options.audience });
  const get = (token: string) =>
    send(gw.port, { host: project.host, path: "/todos", headers: { Authorization: `Bearer ${token}` } });
  return { project, jwks, issuer, get };
}

const codeOf = (answer: { json: () => unknown }) => (answer.json() as { code: string }).code;
const claims = (iss: string) => ({ iss, sub: "user_123", role: "authenticated" });

describe("tokens of a trusted issuer (JWKS)", () => {
  it("passes RS256 and ES256 tokens signed with the issuer's published keys", async () => {
    const rsa = await newIssuerKey("RS256", "rsa-1");
    const ec = await newIssuerKey("ES256", "ec-1");
    const { get, issuer } = await projectTrusting([rsa, ec]);
    const viaRsa = await get(await signIssuerToken(rsa, claims(issuer)));
    expect(viaRsa.status).toBe(200);
    expect((await get(await signIssuerToken(ec, claims(issuer)))).status).toBe(200);
    // The bridge carries the issuer's claims upstream, so RLS sees the provider's user id.
    expect((viaRsa.json() as { bridge: unknown }).bridge).toMatchObject({
      claims: { sub: "user_123", iss: issuer, role: "authenticated" },
    });
  });

  it("fetches the JWKS once and verifies later tokens from the cache", async () => {
    const key = await newIssuerKey("ES256", "ec-cache");
    const { get, issuer, jwks } = await projectTrusting([key]);
    for (let i = 0; i < 3; i++) expect((await get(await signIssuerToken(key, claims(issuer)))).status).toBe(200);
    expect(jwks.requests()).toBe(1);
  });

  it("refreshes once on an unknown kid after the issuer rotated its keys, then accepts the new key", async () => {
    const old = await newIssuerKey("RS256", "old");
    const { get, issuer, jwks } = await projectTrusting([old]);
    expect((await get(await signIssuerToken(old, claims(issuer)))).status).toBe(200);
    const rotated = await newIssuerKey("RS256", "new");
    jwks.publish([rotated]);
    clock += COOLDOWN_MS;
    expect((await get(await signIssuerToken(rotated, claims(issuer)))).status).toBe(200);
    expect(jwks.requests()).toBe(2);
    expect((await get(await signIssuerToken(rotated, claims(issuer)))).status).toBe(200);
    expect(jwks.requests()).toBe(2);
  });

  it("bounds refreshes: a flood of unknown kids costs the issuer at most one fetch per cooldown", async () => {
    const key = await newIssuerKey("RS256", "real");
    const { get, issuer, jwks } = await projectTrusting([key]);
    expect((await get(await signIssuerToken(key, claims(issuer)))).status).toBe(200);
    clock += COOLDOWN_MS;
    const flood = await Promise.all(
      Array.from({ length: 12 }, async (_, i) =>
        get(await signIssuerToken(key, claims(issuer), { kid: `made-up-${i}` })),
      ),
    );
    expect(flood.map((answer) => [answer.status, codeOf(answer)])).toEqual(flood.map(() => [401, "FLUX-GW-AUTH-KID"]));
    expect(jwks.requests()).toBe(2);
    for (let i = 0; i < 5; i++) await get(await signIssuerToken(key, claims(issuer), { kid: `again-${i}` }));
    expect(jwks.requests()).toBe(2);
    clock += COOLDOWN_MS;
    await get(await signIssuerToken(key, claims(issuer), { kid: "after-cooldown" }));
    expect(jwks.requests()).toBe(3);
  });

  it("keeps verifying with the cached keys while the issuer's JWKS server is down", async () => {
    const key = await newIssuerKey("ES256", "ec-outage");
    const { get, issuer, jwks } = await projectTrusting([key]);
    expect((await get(await signIssuerToken(key, claims(issuer)))).status).toBe(200);
    await jwks.stop();
    clock += MAX_AGE_MS + COOLDOWN_MS;
    expect((await get(await signIssuerToken(key, claims(issuer)))).status).toBe(200);
    clock += COOLDOWN_MS;
    const unknown = await get(await signIssuerToken(key, claims(issuer), { kid: "rotated-while-down" }));
    expect([unknown.status, codeOf(unknown)]).toEqual([401, "FLUX-GW-AUTH-KID"]);
    expect((await get(await signIssuerToken(key, claims(issuer)))).status).toBe(200);
  });

  it("answers 503 FLUX-GW-JWKS-UNAVAILABLE with Retry-After when the JWKS was never fetched and cannot be", async () => {
    const key = await newIssuerKey("RS256", "never");
    const { get, issuer, jwks } = await projectTrusting([key]);
    await jwks.stop();
    const answer = await get(await signIssuerToken(key, claims(issuer)));
    expect([answer.status, codeOf(answer)]).toEqual([503, "FLUX-GW-JWKS-UNAVAILABLE"]);
    expect(Number(answer.headers["retry-after"])).toBeGreaterThan(0);
    await jwks.start();
    // Within the cooldown the gateway does not ask again; after it, the issuer's keys are fetched and used.
    expect((await get(await signIssuerToken(key, claims(issuer)))).status).toBe(503);
    clock += COOLDOWN_MS;
    expect((await get(await signIssuerToken(key, claims(issuer)))).status).toBe(200);
  });

  it("requires the configured audience in aud", async () => {
    const key = await newIssuerKey("RS256", "aud");
    const { get, issuer } = await projectTrusting([key], { audience: "flux-api" });
    expect((await get(await signIssuerToken(key, { ...claims(issuer), aud: "flux-api" }))).status).toBe(200);
    const wrong = await get(await signIssuerToken(key, { ...claims(issuer), aud: "another-app" }));
    expect([wrong.status, codeOf(wrong)]).toEqual([401, "FLUX-GW-AUTH-AUDIENCE"]);
  });

  it("still accepts HS256 tokens signed with the project secret", async () => {
    const key = await newIssuerKey("RS256", "k");
    const { get, project } = await projectTrusting([key]);
    const now = Math.floor(Date.now() / 1000);
    const token = await new SignJWT({ role: "authenticated" })
      .setProtectedHeader({ alg: "HS256" })
      .setExpirationTime(now + 60)
      .sign(new TextEncoder().encode(project.secret));
    expect((await get(token)).status).toBe(200);
  });
});

describe("attacks on the trusted-issuer path", () => {
  it("rejects alg confusion: an HS256 token signed with the issuer's RSA public key as the HMAC secret", async () => {
    const key = await newIssuerKey("RS256", "rsa");
    const { get, issuer } = await projectTrusting([key]);
    const pem = await exportSPKI(key.publicKey);
    for (const secret of [pem, JSON.stringify(key.publicJwk)]) {
      const forged = await new SignJWT(claims(issuer))
        .setProtectedHeader({ alg: "HS256", typ: "JWT" })
        .setExpirationTime("10m")
        .sign(new TextEncoder().encode(secret));
      const answer = await get(forged);
      expect([answer.status, codeOf(answer)]).toEqual([401, "FLUX-GW-AUTH-SIGNATURE"]);
    }
  });

  it("rejects a token from an issuer the project does not trust, without fetching the attacker's JWKS", async () => {
    const key = await newIssuerKey("RS256", "legit");
    const { get } = await projectTrusting([key]);
    const attackerKey = await newIssuerKey("RS256", "attacker");
    const attacker = await startJwksServer([attackerKey]);
    servers.push(attacker);
    const answer = await get(await signIssuerToken(attackerKey, claims(attacker.url)));
    expect([answer.status, codeOf(answer)]).toEqual([401, "FLUX-GW-AUTH-ISSUER"]);
    expect(attacker.requests()).toBe(0);
  });

  it("rejects a token whose iss is another project's trusted issuer", async () => {
    const keyA = await newIssuerKey("ES256", "a");
    const keyB = await newIssuerKey("ES256", "b");
    const a = await projectTrusting([keyA]);
    const b = await projectTrusting([keyB]);
    expect((await b.get(await signIssuerToken(keyB, claims(b.issuer)))).status).toBe(200);
    const crossed = await a.get(await signIssuerToken(keyB, claims(b.issuer)));
    expect([crossed.status, codeOf(crossed)]).toEqual([401, "FLUX-GW-AUTH-ISSUER"]);
  });

  it("rejects a token that claims the trusted iss but is signed with a key the issuer never published", async () => {
    const key = await newIssuerKey("RS256", "published");
    const { get, issuer } = await projectTrusting([key]);
    const impostor = await newIssuerKey("RS256", "published");
    const answer = await get(await signIssuerToken(impostor, claims(issuer)));
    expect([answer.status, codeOf(answer)]).toEqual([401, "FLUX-GW-AUTH-SIGNATURE"]);
  });

  it("rejects alg none even with the trusted iss", async () => {
    const key = await newIssuerKey("RS256", "k");
    const { get, issuer } = await projectTrusting([key]);
    const unsigned = new UnsecuredJWT(claims(issuer)).setExpirationTime("10m").encode();
    const answer = await get(unsigned);
    expect([answer.status, codeOf(answer)]).toEqual([401, "FLUX-GW-AUTH-ALG"]);
  });

  it("rejects a token without a kid when the issuer's JWKS has several keys", async () => {
    const first = await newIssuerKey("RS256", "one");
    const second = await newIssuerKey("RS256", "two");
    const { get, issuer } = await projectTrusting([first, second]);
    const answer = await get(await signIssuerToken(first, claims(issuer), { kid: null }));
    expect([answer.status, codeOf(answer)]).toEqual([401, "FLUX-GW-AUTH-KID"]);
  });

  it("rejects RS256 tokens for a project that trusts no issuer", async () => {
    const key = await newIssuerKey("RS256", "k");
    const project = await seedProject(gw.seedDb.db);
    const answer = await send(gw.port, {
      host: project.host,
      headers: { Authorization: `Bearer ${await signIssuerToken(key, claims("https://idp.example.test"))}` },
    });
    expect([answer.status, codeOf(answer)]).toEqual([401, "FLUX-GW-AUTH-ALG"]);
  });

  it("rejects a token of the trusted issuer whose role claim names a database role", async () => {
    const key = await newIssuerKey("ES256", "k");
    const { get, issuer } = await projectTrusting([key]);
    const answer = await get(await signIssuerToken(key, { ...claims(issuer), role: "postgres" }));
    expect([answer.status, codeOf(answer)]).toEqual([401, "FLUX-GW-ROLE-FORBIDDEN"]);
  });
});
