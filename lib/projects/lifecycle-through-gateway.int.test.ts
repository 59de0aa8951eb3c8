import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST as plan } from "@/app/api/v1/projects/[slug]/plan/route";
import { POST as rename } from "@/app/api/v1/projects/[slug]/rename/route";
import { POST as resume } from "@/app/api/v1/projects/[slug]/resume/route";
import { POST as suspend } from "@/app/api/v1/projects/[slug]/suspend/route";
import { GET as reveal } from "@/app/api/v1/projects/[slug]/secret/route";
import { newProject } from "@/app/api/v1/project-test-kit";
import { call, newSignedInUser, unique } from "@/app/api/v1/route-test-kit";
import { closeServerDb } from "@/lib/api/server-db";
import { closeControlPlaneRedis } from "@/lib/cache/control-plane-redis";
import { signProjectToken } from "@/lib/jwt";
import { serviceHostname } from "@/lib/tenancy";
import { startTestGateway, type TestGateway } from "@/gateway/testing/harness";
import { send } from "@/gateway/testing/send";
import { pollUntil } from "@/tests/fixtures/poll-until";

/**
 * Lifecycle changes made through the real API routes, observed through the real gateway. With Redis the
 * control plane's eviction reaches the gateway at once; without it the gateway caches nothing (TTL 0).
 */
let gw: TestGateway;
beforeAll(async () => {
  gw = await startTestGateway({
    env: process.env.REDIS_URL
      ? { FLUX_RATE_LIMIT_MULTIPLIER: "1" }
      : { FLUX_GATEWAY_HOST_CACHE_TTL_MS: "0", FLUX_RATE_LIMIT_MULTIPLIER: "1" },
  });
});
afterAll(async () => {
  await gw?.close();
  await closeServerDb();
  await closeControlPlaneRedis();
});

type Owner = Awaited<ReturnType<typeof newSignedInUser>>;
const act = (handler: typeof suspend, verb: string, owner: Owner, slug: string, body?: unknown) =>
  call(handler, "POST", `/api/v1/projects/${slug}/${verb}`, { token: owner.token, params: { slug }, body });

async function bearerFor(owner: Owner, slug: string): Promise<string> {
  const { secret } = (
    await call(reveal, "GET", `/api/v1/projects/${slug}/secret`, { token: owner.token, params: { slug } })
  ).body as { secret: string };
  return `Bearer ${(await signProjectToken({ secret, role: "anon", expiresInSeconds: 300 })).token}`;
}

const get = (host: string, authorization: string) =>
  send(gw.port, { host, path: "/todos", headers: { Authorization: authorization } });

const settled = (host: string, authorization: string, status: number) =>
  pollUntil(
    () => get(host, authorization),
    (answer) => answer.status === status,
  );

describe("project lifecycle through the gateway", () => {
  it("after a rename the old Service URL answers 404 FLUX-GW-404 with a hint; the new one serves, same token", async () => {
    const owner = await newSignedInUser();
    const project = await newProject(owner);
    const auth = await bearerFor(owner, project.slug);
    const oldHost = serviceHostname(project, "localhost");
    expect((await get(oldHost, auth)).status).toBe(200);

    const to = unique("moved");
    expect((await act(rename, "rename", owner, project.slug, { slug: to })).status).toBe(200);
    const old = await settled(oldHost, auth, 404);
    expect(old.status).toBe(404);
    expect(old.json()).toMatchObject({ code: "FLUX-GW-404", hint: expect.stringMatching(/Service URL/) });
    expect((await get(serviceHostname({ slug: to, hash: project.hash }, "localhost"), auth)).status).toBe(200);
  });

  it("a suspended project answers 423 FLUX-GW-SUSPENDED; after resume it serves again", async () => {
    const owner = await newSignedInUser();
    const project = await newProject(owner);
    const auth = await bearerFor(owner, project.slug);
    const host = serviceHostname(project, "localhost");
    expect((await get(host, auth)).status).toBe(200);
    expect((await act(suspend, "suspend", owner, project.slug)).status).toBe(200);
    const refused = await settled(host, auth, 423);
    expect(refused.status).toBe(423);
    expect(refused.json()).toMatchObject({ code: "FLUX-GW-SUSPENDED" });
    expect((await act(resume, "resume", owner, project.slug)).status).toBe(200);
    expect((await settled(host, auth, 200)).status).toBe(200);
  });

  it("after a platform admin moves free → pro the gateway enforces the pro rate limit", async () => {
    const owner = await newSignedInUser();
    const project = await newProject(owner, "free");
    const auth = await bearerFor(owner, project.slug);
    const host = serviceHostname(project, "localhost");
    expect((await get(host, auth)).headers["ratelimit-limit"]).toBe("20");
    const admin = await newSignedInUser("admin");
    expect((await act(plan, "plan", admin, project.slug, { plan: "pro" })).status).toBe(200);
    const after = await pollUntil(
      () => get(host, auth),
      (answer) => answer.headers["ratelimit-limit"] === "100",
    );
    expect(after.headers["ratelimit-limit"]).toBe("100");
  });
});
