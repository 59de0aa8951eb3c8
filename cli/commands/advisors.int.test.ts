import type http from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as list } from "@/app/api/v1/projects/[slug]/advisors/route";
import { addMember, newSignedInUser } from "@/app/api/v1/route-test-kit";
import { closeServerDb } from "@/lib/api/server-db";
import { closeControlPlaneRedis } from "@/lib/cache/control-plane-redis";
import { brokenProject } from "@/lib/troubleshoot/testing/broken-project";
import { runFlux, serveRoutes, type ServedRoute } from "../testing/serve-routes";

let server: http.Server;
beforeAll(async () => {
  server = await serveRoutes([
    { method: "GET", pattern: "/api/v1/projects/:slug/advisors", handler: list },
  ] as ServedRoute[]);
});
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  await closeServerDb();
  await closeControlPlaneRedis();
});

const SLOW = 240_000;

describe("flux advisors", () => {
  it(
    "exits 1 with --fail-on warn when a warning exists, 0 with --fail-on error when only warnings and info exist",
    async () => {
      const p = await brokenProject("http://127.0.0.1:9");
      await p.push("create table locked (id int primary key); alter table locked enable row level security;");
      const owner = await newSignedInUser();
      await addMember(p.project.tenantId, owner.id, "owner");
      const warn = await runFlux(server, ["advisors", "--project", p.project.slug, "--fail-on", "warn"], owner.token);
      expect(warn.code).toBe(1);
      expect(warn.stdout).toContain(`rls_enabled_no_policy:${p.schema}.locked`);
      expect(warn.stderr).toMatch(/1 finding\(s\) at or above warn/);
      const error = await runFlux(
        server,
        ["advisors", "--project", p.project.slug, "--fail-on", "error", "--json"],
        owner.token,
      );
      expect(error.code, error.stderr).toBe(0);
      expect(JSON.parse(error.stdout)).toEqual([
        expect.objectContaining({ lint: "rls_enabled_no_policy", level: "warn" }),
      ]);
    },
    SLOW,
  );

  it(
    "refuses an unknown --fail-on level (exit 2)",
    async () => {
      const owner = await newSignedInUser();
      const result = await runFlux(server, ["advisors", "--project", "any", "--fail-on", "info"], owner.token);
      expect(result.code).toBe(2);
      expect(result.stderr).toMatch(/--fail-on must be warn or error/);
    },
    SLOW,
  );
});
