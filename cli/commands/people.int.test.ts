import type http from "node:http";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import * as audit from "@/app/api/v1/projects/[slug]/audit/route";
import * as envKey from "@/app/api/v1/projects/[slug]/env/[key]/route";
import * as env from "@/app/api/v1/projects/[slug]/env/route";
import * as memberEmail from "@/app/api/v1/projects/[slug]/members/[email]/route";
import * as members from "@/app/api/v1/projects/[slug]/members/route";
import * as platformAudit from "@/app/api/v1/audit/route";
import * as me from "@/app/api/v1/me/route";
import * as patId from "@/app/api/v1/pats/[id]/route";
import * as pats from "@/app/api/v1/pats/route";
import { closeAll, projectOwnedBy } from "@/app/api/v1/people-test-kit";
import { newSignedInUser } from "@/app/api/v1/route-test-kit";
import { runFlux, serveApiRoutes } from "../testing/serve-api-routes";

// Each test starts the real CLI (node + tsx) several times: minutes on a loaded 2-core machine.
vi.setConfig({ testTimeout: 240_000 });

let server: http.Server;
beforeAll(async () => {
  server = await serveApiRoutes([
    { pattern: /^\/api\/v1\/projects\/(?<slug>[^/]+)\/members$/, handlers: members },
    { pattern: /^\/api\/v1\/projects\/(?<slug>[^/]+)\/members\/(?<email>[^/]+)$/, handlers: memberEmail },
    { pattern: /^\/api\/v1\/projects\/(?<slug>[^/]+)\/env$/, handlers: env },
    { pattern: /^\/api\/v1\/projects\/(?<slug>[^/]+)\/env\/(?<key>[^/]+)$/, handlers: envKey },
    { pattern: /^\/api\/v1\/projects\/(?<slug>[^/]+)\/audit$/, handlers: audit },
    { pattern: /^\/api\/v1\/audit$/, handlers: platformAudit },
    { pattern: /^\/api\/v1\/pats$/, handlers: pats },
    { pattern: /^\/api\/v1\/pats\/(?<id>[^/]+)$/, handlers: patId },
    { pattern: /^\/api\/v1\/me$/, handlers: me },
  ]);
});
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  await closeAll();
});

const json = <T>(stdout: string): T => JSON.parse(stdout) as T;

describe("flux members", () => {
  it("adds, lists (JSON and table) and removes a member; refuses the last owner with the API's message", async () => {
    const owner = await newSignedInUser();
    const dev = await newSignedInUser();
    const { slug } = await projectOwnedBy(owner, "climem");
    const flux = (args: string[]) => runFlux(server, args, owner.token);

    const added = await flux(["members", "add", dev.email, "--role", "developer", "--project", slug, "--json"]);
    expect(added.code).toBe(0);
    expect(json(added.stdout)).toMatchObject({ email: dev.email, role: "developer" });
    const listed = await flux(["members", "list", "--project", slug, "--json"]);
    expect(json<{ data: { email: string }[] }>(listed.stdout).data.map((m) => m.email)).toEqual([
      owner.email,
      dev.email,
    ]);
    expect((await flux(["members", "list", "--project", slug])).stdout).toMatch(/EMAIL\s+ROLE/);
    expect(json((await flux(["members", "remove", dev.email, "--project", slug, "--json"])).stdout)).toEqual({
      email: dev.email,
      removed: true,
    });

    const last = await flux(["members", "remove", owner.email, "--project", slug]);
    expect(last.code).toBe(1);
    expect(last.stderr).toMatch(/last owner/);
  });

  it("a viewer's add is refused with the 403 hint", async () => {
    const owner = await newSignedInUser();
    const viewer = await newSignedInUser();
    const { slug } = await projectOwnedBy(owner, "climem");
    await runFlux(server, ["members", "add", viewer.email, "--role", "viewer", "--project", slug], owner.token);
    const refused = await runFlux(
      server,
      ["members", "add", viewer.email, "--role", "owner", "--project", slug],
      viewer.token,
    );
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/Only a project owner may add members/);
  });
});

describe("flux env", () => {
  it("sets plain and secret variables, lists without the secret value, and unsets", async () => {
    const owner = await newSignedInUser();
    const { slug } = await projectOwnedBy(owner, "clienv");
    const flux = (args: string[]) => runFlux(server, args, owner.token);
    expect((await flux(["env", "set", "MODE=live=1", "--project", slug, "--json"])).stdout).toContain(
      '"value": "live=1"',
    );
    expect(
      json((await flux(["env", "set", "STRIPE_KEY=sk_cli_secret", "--secret", "--project", slug, "--json"])).stdout),
    ).toMatchObject({ secret: true, value: null });
    const listed = await flux(["env", "list", "--project", slug]);
    expect(listed.stdout).toMatch(/STRIPE_KEY\s+\(secret\)/);
    expect(listed.stdout).not.toContain("sk_cli_secret");
    expect(json((await flux(["env", "unset", "MODE", "--project", slug, "--json"])).stdout)).toEqual({
      key: "MODE",
      removed: true,
    });
    const bad = await flux(["env", "set", "novalue", "--project", slug]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/is not KEY=VALUE/);
  });
});

describe("flux pat and flux audit", () => {
  it("creates a PAT shown once, lists it, revokes it; the revoked PAT is refused; audit lists newest first", async () => {
    const user = await newSignedInUser();
    const created = json<{ token: string; id: string }>(
      (await runFlux(server, ["pat", "create", "--name", "ci", "--expires-in", "30d", "--json"], user.token)).stdout,
    );
    expect(created.token).toMatch(/^flux_pat_/);
    const listed = await runFlux(server, ["pat", "list", "--json"], user.token);
    expect(listed.stdout).not.toContain(created.token);
    expect(json<{ data: { id: string }[] }>(listed.stdout).data.map((t) => t.id)).toContain(created.id);
    expect((await runFlux(server, ["pat", "revoke", created.id, "--json"], user.token)).code).toBe(0);
    const refused = await runFlux(server, ["pat", "list"], created.token);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/was revoked/);

    const { slug } = await projectOwnedBy(user, "cliaud");
    await runFlux(server, ["env", "set", "A=1", "--project", slug], user.token);
    const entries = json<{ data: { action: string }[] }>(
      (await runFlux(server, ["audit", "--project", slug, "--limit", "2", "--json"], user.token)).stdout,
    );
    expect(entries.data.map((e) => e.action)).toEqual(["project.env.create", "project.activate"]);
    const platform = await runFlux(server, ["audit"], user.token);
    expect(platform.code).toBe(1);
    expect(platform.stderr).toMatch(/Only platform admins/);
  });
});
