import type http from "node:http";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { PATCH } from "@/app/api/v1/projects/[slug]/limits/route";
import { POST as create } from "@/app/api/v1/projects/route";
import { call, newSignedInUser, unique } from "@/app/api/v1/route-test-kit";
import { closeServerDb } from "@/lib/api/server-db";
import { closeControlPlaneRedis } from "@/lib/cache/control-plane-redis";
import { runFlux, serveRoutes, type ServedRoute } from "../testing/serve-routes";

// Each test starts the real CLI (node + tsx) several times: minutes on a loaded 2-core machine.
vi.setConfig({ testTimeout: 240_000 });

let server: http.Server;
beforeAll(async () => {
  server = await serveRoutes([
    { method: "PATCH", pattern: "/api/v1/projects/:slug/limits", handler: PATCH },
  ] as ServedRoute[]);
});
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  await closeServerDb();
  await closeControlPlaneRedis();
});

const flux = (args: string[], token: string) => runFlux(server, args, token);

describe("flux projects limits", () => {
  it("sets a limit and prints JSON, then --reset goes back to the plan's default", async () => {
    const owner = await newSignedInUser();
    const slug = unique("clilim");
    await call(create, "POST", "/api/v1/projects", { token: owner.token, body: { slug, plan: "free" } });

    const set = await flux(["projects", "limits", slug, "--requests-per-minute", "250", "--json"], owner.token);
    expect(set.code).toBe(0);
    expect(JSON.parse(set.stdout)).toEqual({ slug, requestsPerMinute: 250, effectiveRequestsPerMinute: 250 });

    const reset = await flux(["projects", "limits", slug, "--reset"], owner.token);
    expect(reset.code).toBe(0);
    expect(reset.stdout).toContain(`${slug}: plan default of 20 requests per minute`);
  });

  it("refuses a bad value before calling the API, and reports the API's refusal for a non-owner", async () => {
    const owner = await newSignedInUser();
    const stranger = await newSignedInUser();
    const slug = unique("clilim");
    await call(create, "POST", "/api/v1/projects", { token: owner.token, body: { slug, plan: "free" } });

    const bad = await flux(["projects", "limits", slug, "--requests-per-minute", "0"], owner.token);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--requests-per-minute "0" is not a whole number from 1 to 1000000/);

    const foreign = await flux(["projects", "limits", slug, "--requests-per-minute", "999999"], stranger.token);
    expect(foreign.code).toBe(1);
    expect(foreign.stderr).toMatch(/No project/);
  });
});
