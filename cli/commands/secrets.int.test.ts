import type http from "node:http";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { POST as endGrace } from "@/app/api/v1/projects/[slug]/keys/end-grace/route";
import { POST as rotate } from "@/app/api/v1/projects/[slug]/keys/rotate/route";
import { GET as keys } from "@/app/api/v1/projects/[slug]/keys/route";
import { GET as secret } from "@/app/api/v1/projects/[slug]/secret/route";
import { newProject } from "@/app/api/v1/project-test-kit";
import { addMember, newSignedInUser } from "@/app/api/v1/route-test-kit";
import { closeServerDb } from "@/lib/api/server-db";
import { closeControlPlaneRedis } from "@/lib/cache/control-plane-redis";
import { runFlux, serveProjectRoutes } from "../testing/serve-routes";

// Each test starts the real CLI (node + tsx) several times: minutes on a loaded 2-core machine.
vi.setConfig({ testTimeout: 240_000 });

let server: http.Server;
beforeAll(async () => {
  server = await serveProjectRoutes({
    "GET secret": secret,
    "GET keys": keys,
    "POST keys/rotate": rotate,
    "POST keys/end-grace": endGrace,
  });
});
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  await closeServerDb();
  await closeControlPlaneRedis();
});

describe("flux secrets", () => {
  it("shows, rotates with --grace, lists key states and ends the grace, with --json", async () => {
    const owner = await newSignedInUser();
    const { slug } = await newProject(owner);
    const shown = await runFlux(server, ["secrets", "show", "--project", slug], owner.token);
    expect(shown.code).toBe(0);
    const first = shown.stdout.trim();
    expect(first).toMatch(/^[A-Za-z0-9_-]{64}$/);

    const rotated = await runFlux(
      server,
      ["secrets", "rotate", "--project", slug, "--grace", "30m", "--json"],
      owner.token,
    );
    expect(rotated.code).toBe(0);
    const rotation = JSON.parse(rotated.stdout) as {
      current: { state: string };
      previous: { state: string };
      graceEndsAt: string;
    };
    expect([rotation.current.state, rotation.previous.state]).toEqual(["current", "previous"]);
    expect(rotated.stdout).not.toContain(first);

    const second = JSON.parse(
      (await runFlux(server, ["secrets", "show", "--project", slug, "--json"], owner.token)).stdout,
    ) as { secret: string };
    expect(second.secret).not.toBe(first);

    const listed = JSON.parse(
      (await runFlux(server, ["secrets", "list", "--project", slug, "--json"], owner.token)).stdout,
    ) as { state: string }[];
    expect(listed.map((key) => key.state)).toEqual(["current", "previous"]);

    const ended = await runFlux(server, ["secrets", "end-grace", "--project", slug, "--json"], owner.token);
    expect(ended.code).toBe(0);
    expect((JSON.parse(ended.stdout) as { revoked: { state: string }[] }).revoked.map((key) => key.state)).toEqual([
      "revoked",
    ]);
  });

  it("tells a viewer they may not see or rotate the secret (exit 1, 403 message, no secret printed)", async () => {
    const owner = await newSignedInUser();
    const project = await newProject(owner);
    const viewer = await newSignedInUser();
    await addMember(project.tenantId, viewer.id, "viewer");
    const shown = await runFlux(server, ["secrets", "show", "--project", project.slug], viewer.token);
    expect(shown.code).toBe(1);
    expect(shown.stdout).toBe("");
    expect(shown.stderr).toMatch(/Only a project owner may see the JWT secret/);
    const rotated = await runFlux(server, ["secrets", "rotate", "--project", project.slug], viewer.token);
    expect(rotated.stderr).toMatch(/Only a project owner may rotate the JWT secret/);
  });
});
