import type http from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { newProject } from "@/app/api/v1/project-test-kit";
import { POST as diagnose } from "@/app/api/v1/projects/[slug]/diagnose/route";
import { newSignedInUser } from "@/app/api/v1/route-test-kit";
import { closeServerDb } from "@/lib/api/server-db";
import { closeControlPlaneRedis } from "@/lib/cache/control-plane-redis";
import { runFlux, serveRoutes, type ServedRoute } from "../testing/serve-routes";

let server: http.Server;
beforeAll(async () => {
  server = await serveRoutes([
    { method: "POST", pattern: "/api/v1/projects/:slug/diagnose", handler: diagnose },
  ] as ServedRoute[]);
});
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  await closeServerDb();
  await closeControlPlaneRedis();
});

const SLOW = 240_000;

describe("flux diagnose", () => {
  it(
    "prints exactly { layer, code, evidence, fix } with --json, and a readable verdict without",
    async () => {
      const owner = await newSignedInUser();
      const project = await newProject(owner);
      const json = await runFlux(
        server,
        ["diagnose", "--project", project.slug, "--request", "GET /notes", "--token", "not-a-jwt", "--json"],
        owner.token,
      );
      expect(json.code, json.stderr).toBe(0);
      const parsed = JSON.parse(json.stdout) as Record<string, unknown>;
      expect(Object.keys(parsed)).toEqual(["layer", "code", "evidence", "fix"]);
      expect(parsed).toMatchObject({ layer: "gateway_auth", code: "FLUX-GW-AUTH-MALFORMED" });

      const human = await runFlux(
        server,
        ["diagnose", "--project", project.slug, "--request", "curl http://x.test/notes", "--host", "nowhere.example"],
        owner.token,
      );
      expect(human.code, human.stderr).toBe(0);
      expect(human.stdout).toMatch(/^routing: FLUX-GW-404/);
      expect(human.stdout).toContain("fix:");
    },
    SLOW,
  );

  it(
    "exits non-zero with the API's message when nothing to diagnose is given",
    async () => {
      const owner = await newSignedInUser();
      const project = await newProject(owner);
      const result = await runFlux(server, ["diagnose", "--project", project.slug], owner.token);
      expect(result.code).not.toBe(0);
      expect(result.stderr).toMatch(/at least one of request/);
    },
    SLOW,
  );
});
