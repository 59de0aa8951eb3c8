import type http from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as advisors } from "@/app/api/v1/projects/[slug]/advisors/route";
import { POST as diagnose } from "@/app/api/v1/projects/[slug]/diagnose/route";
import { addMember, newSignedInUser } from "@/app/api/v1/route-test-kit";
import { closeServerDb } from "@/lib/api/server-db";
import { closeControlPlaneRedis } from "@/lib/cache/control-plane-redis";
import { brokenProject } from "@/lib/troubleshoot/testing/broken-project";
import { runFlux, serveProjectRoutes } from "../testing/serve-routes";

let server: http.Server;
beforeAll(async () => {
  // No rest is running at this URL: the upstream row FAILs, which is what the exit-code assertions need.
  process.env.FLUX_REST_URL = "http://127.0.0.1:9";
  server = await serveProjectRoutes({ "POST diagnose": diagnose, "GET advisors": advisors });
});
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  await closeServerDb();
  await closeControlPlaneRedis();
});

const SLOW = 240_000;

describe("flux doctor", () => {
  it(
    "exits 1 on a FAIL row, 0 with --warnings-only, and adds the project's diagnosis and advisor warnings with --project",
    async () => {
      const p = await brokenProject("http://127.0.0.1:9");
      await p.push("create table locked (id int primary key); alter table locked enable row level security;");
      const owner = await newSignedInUser();
      await addMember(p.project.tenantId, owner.id, "owner");

      const failing = await runFlux(server, ["doctor"], owner.token);
      expect(failing.code).toBe(1);
      expect(failing.stdout).toMatch(/FAIL\s+upstream http:\/\/127\.0\.0\.1:9/);
      expect(failing.stderr).toMatch(/check\(s\) failed/);

      const lenient = await runFlux(
        server,
        ["doctor", "--warnings-only", "--json", "--project", p.project.slug],
        owner.token,
      );
      expect(lenient.code, lenient.stderr).toBe(0);
      const rows = JSON.parse(lenient.stdout) as Array<{ check: string; status: string }>;
      expect(rows).toContainEqual(expect.objectContaining({ check: "flux_system", status: "PASS" }));
      // Requests get through; only the backup layer objects (no backup yet), which doctor reports as a warning.
      expect(rows).toContainEqual({
        check: `project ${p.project.slug}`,
        status: "WARN",
        detail: `backup: FLUX-DIAG-NO-BACKUP — flux backup create --project ${p.project.slug}`,
      });
      expect(rows).toContainEqual(
        expect.objectContaining({ check: `advisor rls_enabled_no_policy:${p.schema}.locked`, status: "WARN" }),
      );
    },
    SLOW,
  );
});
