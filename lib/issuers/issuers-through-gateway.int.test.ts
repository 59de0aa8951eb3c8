import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addIssuer, projectWithMembers, removeIssuer } from "@/app/api/v1/projects/[slug]/issuers/issuer-test-kit";
import { closeServerDb } from "@/lib/api/server-db";
import { closeControlPlaneRedis } from "@/lib/cache/control-plane-redis";
import { startTestGateway, type TestGateway } from "@/gateway/testing/harness";
import { send } from "@/gateway/testing/send";
import { newIssuerKey, signIssuerToken, startJwksServer, type JwksServer } from "@/tests/fixtures/jwks-server";
import { pollUntil } from "@/tests/fixtures/poll-until";

/**
 * The issuer contract end to end: issuers added and removed through the real routes, tokens through the real
 * gateway. With Redis the eviction reaches the gateway at once; without it the gateway caches no host (TTL 0).
 */
let gw: TestGateway;
let jwks: JwksServer;
beforeAll(async () => {
  // Read by the route's server config, first built inside the tests below.
  process.env.FLUX_JWKS_ALLOW_LOOPBACK_HTTP = "1";
  gw = await startTestGateway({
    env: {
      FLUX_JWKS_ALLOW_LOOPBACK_HTTP: "1",
      ...(process.env.REDIS_URL ? {} : { FLUX_GATEWAY_HOST_CACHE_TTL_MS: "0" }),
    },
  });
});
afterAll(async () => {
  await jwks?.close();
  await gw?.close();
  await closeServerDb();
  await closeControlPlaneRedis();
});

describe("trusted issuers through the gateway", () => {
  it("accepts the issuer's tokens right after `issuers add` and refuses them right after `issuers remove`", async () => {
    const key = await newIssuerKey("ES256", "clerk-1");
    jwks = await startJwksServer([key]);
    const p = await projectWithMembers(["owner"]);
    const issuer = "https://clerk.example.test";
    const token = await signIssuerToken(key, { iss: issuer, sub: "user_1", role: "authenticated" });
    const get = () => send(gw.port, { host: p.host, path: "/todos", headers: { Authorization: `Bearer ${token}` } });

    // Seen once before the issuer exists, so the gateway has the project cached without it.
    expect((await get()).status).toBe(401);
    expect((await addIssuer(p.members.owner.token, p.slug, { issuer, jwksUrl: jwks.url })).status).toBe(201);
    expect((await pollUntil(get, (answer) => answer.status === 200)).status).toBe(200);

    expect((await removeIssuer(p.members.owner.token, p.slug, issuer)).status).toBe(200);
    const refused = await pollUntil(get, (answer) => answer.status === 401);
    expect([refused.status, (refused.json() as { code: string }).code]).toEqual([401, "FLUX-GW-AUTH-ALG"]);
  });
});
