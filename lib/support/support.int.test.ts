import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { newSignedInUser, testCtx } from "@/app/api/v1/route-test-kit";
import { startTestGateway, type TestGateway } from "@/gateway/testing/harness";
import { send } from "@/gateway/testing/send";
import { closeServerDb } from "@/lib/api/server-db";
import { closeControlPlaneRedis } from "@/lib/cache/control-plane-redis";
import { diagnoseProjectRequest } from "@/lib/troubleshoot/diagnose-project-request";
import { brokenProject } from "@/lib/troubleshoot/testing/broken-project";
import { pollUntil } from "@/tests/fixtures/poll-until";
import { listProjectHealth } from "./list-project-health";
import { lookUpRequest } from "./look-up-request";
import { listProjectDispatches } from "./project-dispatches";

let gateway: TestGateway;
beforeAll(async () => {
  gateway = await startTestGateway();
});
afterAll(async () => {
  await gateway?.close();
  await closeServerDb();
  await closeControlPlaneRedis();
});

describe.skipIf(!process.env.REDIS_URL)("support views over the gateway's shared dispatch rows", () => {
  it("looks up a refused request's whole path by its X-Request-ID, without the token or the query", async () => {
    const p = await brokenProject("http://127.0.0.1:9");
    const token = await p.token(undefined, { expSecondsFromNow: -3_600 });
    const answer = await send(gateway.port, {
      host: `api--${p.project.slug}--${p.project.hash}.localhost`,
      path: "/notes?select=id&email=eq.private@example.com",
      headers: { authorization: `Bearer ${token}` },
    });
    expect(answer.status).toBe(401);
    const requestId = String(answer.headers["x-request-id"]);
    const support = await newSignedInUser("support");
    const ctx = testCtx(support.actor);
    const found = await pollUntil(
      () => lookUpRequest({ ctx, requestId }).catch(() => null),
      (value) => value !== null,
    );
    expect(found).toMatchObject({
      projectSlug: p.project.slug,
      row: { method: "GET", path: "/notes", status: 401, code: "FLUX-GW-AUTH-EXPIRED" },
      guide: "/troubleshooting#unauthorized-401",
    });
    expect(found?.steps.map((step) => step.step)).toEqual(["resolve", "verify"]);
    const text = JSON.stringify(found);
    expect(text).not.toContain(token);
    expect(text).not.toContain("private@example.com");

    // The owner diagnoses the same request by id alone: the recorded refusal names the layer.
    const diagnosis = await diagnoseProjectRequest({ ctx: p.ctx, slug: p.project.slug, input: { requestId } });
    expect(diagnosis).toMatchObject({ layer: "gateway_auth", code: "FLUX-GW-AUTH-EXPIRED" });

    const rows = await listProjectDispatches({ ctx, slug: p.project.slug });
    expect(rows?.[0]).toMatchObject({ requestId, status: 401 });
    const health = (await listProjectHealth({ ctx })).find((row) => row.slug === p.project.slug);
    expect(health).toMatchObject({ lastRequest: { requestId, status: 401 }, recentErrors: { failed: 1, total: 1 } });
  });

  it("refuses the support views to a plain user (403) and hides another project's request id from its members", async () => {
    const p = await brokenProject("http://127.0.0.1:9");
    const other = await brokenProject("http://127.0.0.1:9");
    const answer = await send(gateway.port, {
      host: `api--${other.project.slug}--${other.project.hash}.localhost`,
      path: "/notes",
    });
    const requestId = String(answer.headers["x-request-id"]);
    const user = await newSignedInUser();
    await expect(listProjectHealth({ ctx: testCtx(user.actor) })).rejects.toMatchObject({ code: "forbidden" });
    await expect(lookUpRequest({ ctx: testCtx(user.actor), requestId })).rejects.toMatchObject({ code: "forbidden" });
    const support = testCtx((await newSignedInUser("support")).actor);
    await pollUntil(
      () => lookUpRequest({ ctx: support, requestId }).catch(() => null),
      (value) => value !== null,
    );
    await expect(
      diagnoseProjectRequest({ ctx: p.ctx, slug: p.project.slug, input: { requestId } }),
    ).rejects.toMatchObject({ code: "not_found" });
  });
});
