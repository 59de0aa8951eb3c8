import type http from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as getByHostname } from "@/app/api/v1/domains/[hostname]/route";
import { DELETE as remove } from "@/app/api/v1/projects/[slug]/domains/[hostname]/route";
import { POST as verify } from "@/app/api/v1/projects/[slug]/domains/[hostname]/verify/route";
import { freshHostname, projectWithMembers } from "@/app/api/v1/projects/[slug]/domains/domain-test-kit";
import { GET as list, POST as add } from "@/app/api/v1/projects/[slug]/domains/route";
import { closeServerDb } from "@/lib/api/server-db";
import { closeControlPlaneRedis } from "@/lib/cache/control-plane-redis";
import { startTestDnsServer, type TestDnsServer } from "@/tests/fixtures/dns-server";
import { runFlux, serveRoutes, type ServedRoute } from "../testing/serve-routes";

let server: http.Server;
let dns: TestDnsServer;
beforeAll(async () => {
  dns = await startTestDnsServer();
  process.env.FLUX_DNS_SERVERS = dns.address;
  process.env.FLUX_DNS_TIMEOUT_MS = "300";
  server = await serveRoutes([
    { method: "POST", pattern: "/api/v1/projects/:slug/domains", handler: add },
    { method: "GET", pattern: "/api/v1/projects/:slug/domains", handler: list },
    { method: "POST", pattern: "/api/v1/projects/:slug/domains/:hostname/verify", handler: verify },
    { method: "DELETE", pattern: "/api/v1/projects/:slug/domains/:hostname", handler: remove },
    { method: "GET", pattern: "/api/v1/domains/:hostname", handler: getByHostname },
  ] as ServedRoute[]);
});
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  await dns.close();
  await closeServerDb();
  await closeControlPlaneRedis();
});

const flux = (args: string[], token: string) => runFlux(server, args, token);
/** Each CLI run starts node + tsx (seconds on a loaded machine), and these tests make several. */
const SLOW = 240_000;

describe("flux domains", () => {
  it(
    "adds (printing the TXT record), verifies without --project, lists and removes, with --json on each",
    async () => {
      const p = await projectWithMembers(["owner"]);
      const token = p.members.owner.token;
      const host = freshHostname();

      const added = await flux(["domains", "add", host, "--project", p.slug], token);
      expect(added.code).toBe(0);
      const record = new RegExp(
        `_flux-challenge\\.${host.replace(/\./g, "\\.")}  TXT  "(flux-verify=[0-9a-f]{32})"`,
      ).exec(added.stdout);
      expect(record, added.stdout).not.toBeNull();
      dns.setTxt(`_flux-challenge.${host}`, [record?.[1] ?? ""]);

      const verified = await flux(["domains", "verify", host, "--json"], token);
      expect(verified.code, verified.stderr).toBe(0);
      expect(JSON.parse(verified.stdout)).toMatchObject({ hostname: host, project: p.slug, status: "verified" });

      const listed = await flux(["domains", "list", "--project", p.slug, "--json"], token);
      expect(JSON.parse(listed.stdout)).toEqual([expect.objectContaining({ hostname: host, status: "verified" })]);
      expect((await flux(["domains", "list", "--project", p.slug], token)).stdout).toMatch(
        new RegExp(`${host}\\s+verified`),
      );

      const removed = await flux(["domains", "remove", host, "--json"], token);
      expect(removed.code).toBe(0);
      expect(JSON.parse(removed.stdout)).toMatchObject({ hostname: host });
      expect(JSON.parse((await flux(["domains", "list", "--project", p.slug, "--json"], token)).stdout)).toEqual([]);
    },
    SLOW,
  );

  it(
    "reports the API's refusals: invalid hostname, NXDOMAIN on verify, and a viewer removing",
    async () => {
      const p = await projectWithMembers(["owner", "viewer"]);
      const host = freshHostname();
      const bad = await flux(["domains", "add", "*.example.test", "--project", p.slug], p.members.owner.token);
      expect(bad.code).toBe(1);
      expect(bad.stderr).toMatch(/wildcard/);

      await flux(["domains", "add", host, "--project", p.slug, "--json"], p.members.owner.token);
      const nx = await flux(["domains", "verify", host, "--project", p.slug], p.members.owner.token);
      expect(nx.code).toBe(1);
      expect(nx.stderr).toMatch(/NXDOMAIN/);

      const viewer = await flux(["domains", "remove", host], p.members.viewer.token);
      expect(viewer.code).toBe(1);
      expect(viewer.stderr).toMatch(/Only a project owner or developer may remove custom domains/);
    },
    SLOW,
  );
});
