import type http from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freshIssuer, projectWithMembers } from "@/app/api/v1/projects/[slug]/issuers/issuer-test-kit";
import { DELETE as remove, GET as list, POST as add } from "@/app/api/v1/projects/[slug]/issuers/route";
import { closeServerDb } from "@/lib/api/server-db";
import { closeControlPlaneRedis } from "@/lib/cache/control-plane-redis";
import { runFlux, serveRoutes, type ServedRoute } from "../testing/serve-routes";

let server: http.Server;
beforeAll(async () => {
  server = await serveRoutes([
    { method: "POST", pattern: "/api/v1/projects/:slug/issuers", handler: add },
    { method: "GET", pattern: "/api/v1/projects/:slug/issuers", handler: list },
    { method: "DELETE", pattern: "/api/v1/projects/:slug/issuers", handler: remove },
  ] as ServedRoute[]);
});
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  await closeServerDb();
  await closeControlPlaneRedis();
});

const flux = (args: string[], token: string) => runFlux(server, args, token);
/** Each CLI run starts node + tsx (seconds on a loaded machine), and these tests make several. */
const SLOW = 240_000;

describe("flux issuers", () => {
  it(
    "adds, lists and removes an issuer, in words and with --json",
    async () => {
      const p = await projectWithMembers(["owner"]);
      const token = p.members.owner.token;
      const issuer = freshIssuer();
      const jwksUrl = `${issuer}/.well-known/jwks.json`;

      const added = await flux(
        ["issuers", "add", "--project", p.slug, "--issuer", issuer, "--jwks-url", jwksUrl, "--audience", "flux"],
        token,
      );
      expect(added.code, added.stderr).toBe(0);
      expect(added.stdout).toContain(`${p.slug} now trusts tokens from ${issuer} (aud flux).`);

      const listed = await flux(["issuers", "list", "--project", p.slug, "--json"], token);
      expect(JSON.parse(listed.stdout)).toEqual([
        expect.objectContaining({ issuer, jwksUrl, audience: "flux", project: p.slug }),
      ]);
      expect((await flux(["issuers", "list", "--project", p.slug], token)).stdout).toMatch(
        new RegExp(`${issuer.replace(/\./g, "\\.")}\\s+${jwksUrl.replace(/\./g, "\\.")}\\s+flux`),
      );

      const removed = await flux(["issuers", "remove", "--project", p.slug, "--issuer", issuer, "--json"], token);
      expect(removed.code, removed.stderr).toBe(0);
      expect(JSON.parse(removed.stdout)).toEqual({ issuer, removed: true });
      expect(JSON.parse((await flux(["issuers", "list", "--project", p.slug, "--json"], token)).stdout)).toEqual([]);
    },
    SLOW,
  );

  it(
    "reports the API's refusals: a plain-http JWKS URL, a viewer adding, an unknown issuer on remove",
    async () => {
      const p = await projectWithMembers(["owner", "viewer"]);
      const issuer = freshIssuer();
      const http = await flux(
        ["issuers", "add", "--project", p.slug, "--issuer", issuer, "--jwks-url", "http://idp.example.test/jwks"],
        p.members.owner.token,
      );
      expect([http.code, http.stderr]).toEqual([1, expect.stringMatching(/jwksUrl: must use https/)]);

      const viewer = await flux(
        ["issuers", "add", "--project", p.slug, "--issuer", issuer, "--jwks-url", `${issuer}/jwks`, "--json"],
        p.members.viewer.token,
      );
      expect([viewer.code, viewer.stderr]).toEqual([
        1,
        expect.stringMatching(/Only a project owner may trust a token issuer/),
      ]);

      const unknown = await flux(["issuers", "remove", "--project", p.slug, "--issuer", issuer], p.members.owner.token);
      expect([unknown.code, unknown.stderr]).toEqual([1, expect.stringMatching(/does not trust issuer/)]);
    },
    SLOW,
  );
});
