import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST as endGrace } from "@/app/api/v1/projects/[slug]/keys/end-grace/route";
import { POST as rotate } from "@/app/api/v1/projects/[slug]/keys/rotate/route";
import { GET as reveal } from "@/app/api/v1/projects/[slug]/secret/route";
import { newProject } from "@/app/api/v1/project-test-kit";
import { call, newSignedInUser } from "@/app/api/v1/route-test-kit";
import { closeServerDb } from "@/lib/api/server-db";
import { closeControlPlaneRedis } from "@/lib/cache/control-plane-redis";
import { signProjectToken } from "@/lib/jwt";
import { serviceHostname } from "@/lib/tenancy";
import { startTestGateway, type TestGateway } from "@/gateway/testing/harness";
import { send } from "@/gateway/testing/send";
import { pollUntil } from "@/tests/fixtures/poll-until";

/**
 * The rotation contract, end to end: a real project (POST /api/v1/projects), keys changed through the real
 * routes, requests through the real gateway. With Redis the eviction reaches the gateway at once; without it
 * the gateway caches nothing (TTL 0), so either way the test sees what a client would.
 */
let gw: TestGateway;
beforeAll(async () => {
  gw = await startTestGateway({ env: process.env.REDIS_URL ? {} : { FLUX_GATEWAY_HOST_CACHE_TTL_MS: "0" } });
});
afterAll(async () => {
  await gw?.close();
  await closeServerDb();
  await closeControlPlaneRedis();
});

type Owner = Awaited<ReturnType<typeof newSignedInUser>>;

async function currentSecret(owner: Owner, slug: string): Promise<string> {
  return (
    (await call(reveal, "GET", `/api/v1/projects/${slug}/secret`, { token: owner.token, params: { slug } })).body as {
      secret: string;
    }
  ).secret;
}

const tokenSignedWith = async (secret: string) =>
  `Bearer ${(await signProjectToken({ secret, role: "anon", expiresInSeconds: 3600 })).token}`;

describe("JWT secret rotation through the gateway", () => {
  it("accepts a token signed with the old secret during the grace and refuses it right after end-grace", async () => {
    const owner = await newSignedInUser();
    const project = await newProject(owner);
    const host = serviceHostname(project, "localhost");
    const get = (authorization: string) =>
      send(gw.port, { host, path: "/todos", headers: { Authorization: authorization } });

    const oldToken = await tokenSignedWith(await currentSecret(owner, project.slug));
    expect((await get(oldToken)).status).toBe(200);

    const rotated = await call(rotate, "POST", `/api/v1/projects/${project.slug}/keys/rotate`, {
      token: owner.token,
      params: { slug: project.slug },
      body: { grace: "30m" },
    });
    expect(rotated.status).toBe(200);
    const newToken = await tokenSignedWith(await currentSecret(owner, project.slug));

    // During the grace both secrets verify: nobody is signed out by the rotation itself.
    expect(
      (
        await pollUntil(
          () => get(newToken),
          (answer) => answer.status === 200,
        )
      ).status,
    ).toBe(200);
    expect((await get(oldToken)).status).toBe(200);

    expect(
      (
        await call(endGrace, "POST", `/api/v1/projects/${project.slug}/keys/end-grace`, {
          token: owner.token,
          params: { slug: project.slug },
        })
      ).status,
    ).toBe(200);
    const refused = await pollUntil(
      () => get(oldToken),
      (answer) => answer.status === 401,
    );
    expect(refused.status).toBe(401);
    expect(refused.json()).toMatchObject({ code: expect.stringMatching(/^FLUX-GW-AUTH-/) });
    expect((await get(newToken)).status).toBe(200);
  });
});
