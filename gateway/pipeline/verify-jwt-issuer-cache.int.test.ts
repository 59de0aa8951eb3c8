import { afterAll, describe, expect, it, vi } from "vitest";
import { TokenCache } from "@/lib/jwt";
import {
  newIssuerKey,
  signIssuerToken,
  startJwksServer,
  type IssuerKey,
  type JwksServer,
} from "@/tests/fixtures/jwks-server";
import { IssuerKeySets } from "../jwks/issuer-key-sets";
import { stubProject, stubRequest } from "../testing/stubs";
import { DEFAULT_VERIFY_OPTIONS, verifyProjectJwt, type VerifiedToken } from "./verify-jwt";

/**
 * Verified RS256 / ES256 tokens are remembered like HS256 ones (decision 0019), but only while the issuer's key set
 * that held the key is still the current, fresh one. A local JWKS server and a clock the test moves for the key sets.
 */
const MAX_AGE_MS = 600_000;
const COOLDOWN_MS = 30_000;
const ISSUER = "https://idp.example.test";
const servers: JwksServer[] = [];
afterAll(async () => Promise.all(servers.map((server) => server.close())));

async function setUp(keys: IssuerKey[]) {
  const jwks = await startJwksServer(keys);
  servers.push(jwks);
  const clock = { ms: 1_000_000 };
  const keySets = new IssuerKeySets({
    cooldownMs: COOLDOWN_MS,
    maxAgeMs: MAX_AGE_MS,
    timeoutMs: 1_000,
    maxBytes: 64 * 1024,
    allowLoopbackHttp: true,
    now: () => clock.ms,
  });
  const resolves = vi.spyOn(keySets, "resolverFor");
  const cache = new TokenCache<VerifiedToken>({ maxEntries: 100, maxTokenLength: 4_096 });
  const project = await stubProject({ trustedIssuers: [{ issuer: ISSUER, jwksUrl: jwks.url, audience: null }] });
  const options = { ...DEFAULT_VERIFY_OPTIONS, cache, issuers: keySets };
  const verify = (token: string, onProject = project) =>
    verifyProjectJwt(stubRequest({ headers: [["Authorization", `Bearer ${token}`]] }), onProject, options);
  return { jwks, clock, keySets, resolves, cache, project, verify };
}

const refusal = (promise: Promise<unknown>) =>
  promise.then(
    () => "accepted",
    (error: { code?: string }) => error.code,
  );
const claims = { iss: ISSUER, sub: "user_1", role: "authenticated" };

describe("cache of verified third-party issuer tokens", () => {
  it("answers a repeated RS256 token from the cache, without another signature check", async () => {
    const key = await newIssuerKey("RS256", "k1");
    const { verify, resolves, cache } = await setUp([key]);
    const token = await signIssuerToken(key, claims);
    const first = await verify(token);
    expect(resolves).toHaveBeenCalledTimes(1);
    expect(cache.size).toBe(1);
    await expect(verify(token)).resolves.toBe(first);
    expect(resolves).toHaveBeenCalledTimes(1);
  });

  it("refuses a cached token once the issuer withdrew its key and the set was refreshed (revocation at the issuer)", async () => {
    const withdrawn = await newIssuerKey("ES256", "old");
    const { verify, jwks, clock, keySets } = await setUp([withdrawn]);
    const token = await signIssuerToken(withdrawn, claims);
    await expect(verify(token)).resolves.toMatchObject({ sub: "user_1" });
    jwks.publish([await newIssuerKey("ES256", "new")]);
    clock.ms += MAX_AGE_MS;
    // The set is due for a refresh: the cached verification no longer counts, the token is checked against the
    // keys still held (as without a cache) and the refresh starts in the background.
    await expect(verify(token)).resolves.toMatchObject({ sub: "user_1" });
    await vi.waitFor(() => expect(jwks.requests()).toBe(2));
    await vi.waitFor(() => expect(keySets.freshGeneration(jwks.url)).toBe(2));
    expect(await refusal(verify(token))).toBe("FLUX-GW-AUTH-KID");
  });

  it("refuses a cached token once the project stops trusting the issuer or changes its audience", async () => {
    const key = await newIssuerKey("RS256", "k-trust");
    const { verify, project, jwks } = await setUp([key]);
    const token = await signIssuerToken(key, claims);
    await verify(token);
    expect(await refusal(verify(token, { ...project, trustedIssuers: [] }))).toBe("FLUX-GW-AUTH-ALG");
    const withAudience = { ...project, trustedIssuers: [{ issuer: ISSUER, jwksUrl: jwks.url, audience: "flux-api" }] };
    expect(await refusal(verify(token, withAudience))).toBe("FLUX-GW-AUTH-AUDIENCE");
  });

  it("refuses a cached issuer token presented at another project's host", async () => {
    const key = await newIssuerKey("RS256", "k-cross");
    const { verify } = await setUp([key]);
    const token = await signIssuerToken(key, claims);
    await verify(token);
    const other = await stubProject({ trustedIssuers: [] });
    expect(await refusal(verify(token, other))).toBe("FLUX-GW-AUTH-ALG");
  });
});
