import type http from "node:http";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { POST as plan } from "@/app/api/v1/projects/[slug]/plan/route";
import { POST as rename } from "@/app/api/v1/projects/[slug]/rename/route";
import { POST as resume } from "@/app/api/v1/projects/[slug]/resume/route";
import { POST as suspend } from "@/app/api/v1/projects/[slug]/suspend/route";
import { newProject } from "@/app/api/v1/project-test-kit";
import { newSignedInUser, unique } from "@/app/api/v1/route-test-kit";
import { closeServerDb } from "@/lib/api/server-db";
import { closeControlPlaneRedis } from "@/lib/cache/control-plane-redis";
import { runFlux, serveProjectRoutes } from "../testing/serve-routes";

// Each test starts the real CLI (node + tsx) several times: minutes on a loaded 2-core machine.
vi.setConfig({ testTimeout: 240_000 });

let server: http.Server;
beforeAll(async () => {
  server = await serveProjectRoutes({
    "POST rename": rename,
    "POST plan": plan,
    "POST suspend": suspend,
    "POST resume": resume,
  });
});
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  await closeServerDb();
  await closeControlPlaneRedis();
});

describe("flux projects rename | plan | suspend | resume", () => {
  it("renames, changes plan, suspends and resumes, printing JSON with --json", async () => {
    const owner = await newSignedInUser();
    const project = await newProject(owner);
    const to = unique("clirn");

    const renamed = await runFlux(server, ["projects", "rename", project.slug, "--to", to, "--json"], owner.token);
    expect(renamed.code).toBe(0);
    expect(JSON.parse(renamed.stdout)).toMatchObject({ slug: to, tenantId: project.tenantId, hash: project.hash });

    // Raising the plan is a platform admin's: the owner is told so, a platform admin does it, the owner lowers it.
    const refused = await runFlux(server, ["projects", "plan", to, "--to", "pro"], owner.token);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(new RegExp(`Only a platform admin may move '${to}' from free to pro`));
    const admin = await newSignedInUser("admin");
    const planned = await runFlux(server, ["projects", "plan", to, "--to", "pro", "--json"], admin.token);
    expect(JSON.parse(planned.stdout)).toMatchObject({ plan: "pro", mode: "v2_shared" });
    const lowered = await runFlux(server, ["projects", "plan", to, "--to", "free", "--json"], owner.token);
    expect(JSON.parse(lowered.stdout)).toMatchObject({ plan: "free" });

    const suspended = await runFlux(server, ["projects", "suspend", to, "--json"], owner.token);
    expect(JSON.parse(suspended.stdout)).toMatchObject({ status: "suspended" });
    const resumed = await runFlux(server, ["projects", "resume", to], owner.token);
    expect(resumed.code).toBe(0);
    expect(resumed.stdout).toMatch(/Resumed project .*\n[\s\S]*status\s+active/);
  });

  it("refuses an unknown plan before calling the API, and reports a non-owner's 403", async () => {
    const owner = await newSignedInUser();
    const project = await newProject(owner);
    const bad = await runFlux(server, ["projects", "plan", project.slug, "--to", "gold"], owner.token);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--to "gold" is not a plan/);
    const stranger = await runFlux(server, ["projects", "suspend", project.slug], (await newSignedInUser()).token);
    expect(stranger.code).toBe(1);
    expect(stranger.stderr).toMatch(/No project/);
  });
});
