import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { E2E_PORTS } from "./support/e2e-env";
import { flux, fluxOk } from "./support/flux-cli";
import { gatewayRequest } from "./support/gateway-request";

type Project = {
  tenantId: string;
  slug: string;
  hash: string;
  mode: string;
  plan: string;
  status: string;
  serviceUrl: string;
  schema: string;
  role: string;
};

const run = Date.now().toString(36);
const email = `owner-${run}@example.com`;
const password = "correct horse battery";
// Each user's CLI credentials live in their own config home, as on two different machines.
const cliHome = { XDG_CONFIG_HOME: mkdtempSync(path.join(os.tmpdir(), "flux-cli-")) };
const hostOf = (p: Project) => `api--${p.slug}--${p.hash}.localhost`;

test.describe.configure({ mode: "serial" });

let demo: Project;
let other: Project;
let token: string;

test("the README's command sequence works verbatim against the running stack", async () => {
  await fluxOk(["admin", "create-user", "--email", email, "--password", password]);
  await fluxOk(
    ["login", "--api-url", `http://localhost:${E2E_PORTS.web}`, "--email", email, "--password", password],
    cliHome,
  );

  demo = JSON.parse(
    await fluxOk(["projects", "create", `demo-${run}`, "--plan", "free", "--json"], cliHome),
  ) as Project;
  for (const key of ["tenantId", "slug", "hash", "mode", "plan", "status", "serviceUrl", "schema", "role"]) {
    expect(demo, `projects create --json has ${key}`).toHaveProperty(key);
  }
  expect(demo.mode).toBe("v2_shared");
  expect(demo.status).toBe("active");
  expect(demo.schema).toMatch(/^t_[0-9a-f]{12}_api$/);
  expect(demo.role).toBe(demo.schema.replace(/_api$/, "_role"));
  expect(demo.serviceUrl).toBe(`http://${hostOf(demo)}:${E2E_PORTS.gateway}`);

  const listed = JSON.parse(await fluxOk(["projects", "list", "--json"], cliHome)) as Project[];
  expect(listed.map((p) => p.slug)).toContain(demo.slug);
  const aliased = JSON.parse(await fluxOk(["list", "--json"], cliHome)) as Project[];
  expect(aliased).toEqual(listed);

  const dir = mkdtempSync(path.join(os.tmpdir(), "flux-sql-"));
  const file = path.join(dir, "0001_notes.sql");
  writeFileSync(
    file,
    "create table notes (id bigserial primary key, body text not null);\ninsert into notes (body) values ('first'), ('second');\n",
  );
  await fluxOk(["push", "--project", demo.slug, "--file", file], cliHome);

  token = (
    await fluxOk(
      ["token", "create", "--project", demo.slug, "--role", "authenticated", "--sub", "user-1", "--expires-in", "1h"],
      cliHome,
    )
  ).trim();
  expect(token.split(".")).toHaveLength(3);

  const res = await gatewayRequest({ host: hostOf(demo), path: "/notes?select=id,body&limit=5", token });
  expect(res.status, res.body).toBe(200);
  expect(JSON.parse(res.body)).toEqual([
    { id: 1, body: "first" },
    { id: 2, body: "second" },
  ]);
});

test("FLUX_API_URL and FLUX_TOKEN let a script skip the login step", async () => {
  const stored = JSON.parse(readFileSync(path.join(cliHome.XDG_CONFIG_HOME, "flux", "credentials.json"), "utf8")) as {
    token: string;
  };
  const freshMachine = { XDG_CONFIG_HOME: mkdtempSync(path.join(os.tmpdir(), "flux-nologin-")) };

  const withoutLogin = await flux(["projects", "list", "--json"], freshMachine);
  expect(withoutLogin.code).toBe(1);
  expect(withoutLogin.stderr).toContain("not logged in");

  const scripted = await fluxOk(["projects", "list", "--json"], {
    ...freshMachine,
    FLUX_API_URL: `http://localhost:${E2E_PORTS.web}`,
    FLUX_TOKEN: stored.token,
  });
  expect((JSON.parse(scripted) as Project[]).map((p) => p.slug)).toContain(demo.slug);

  const revokedLooking = await flux(["projects", "list"], {
    ...freshMachine,
    FLUX_API_URL: `http://localhost:${E2E_PORTS.web}`,
    FLUX_TOKEN: "flux_pat_not-a-real-token",
  });
  expect(revokedLooking.code).toBe(1);
  expect(revokedLooking.stderr).toMatch(/401|token/i);
});

test("rejects a request without a token with 401 in PostgREST's error shape", async () => {
  const res = await gatewayRequest({ host: hostOf(demo), path: "/notes" });
  expect(res.status).toBe(401);
  const body = JSON.parse(res.body) as Record<string, unknown>;
  // PostgREST's four fields, plus the gateway's link to its troubleshooting guide entry (decision 0030).
  expect(Object.keys(body).sort()).toEqual(["code", "details", "hint", "link", "message"]);
  expect(String(body.link)).toMatch(/\/troubleshooting#/);
  expect(res.headers["link"]).toMatch(/rel="help"/);
});

test("rejects a token signed with another project's secret, and project A's token on project B's host", async () => {
  other = JSON.parse(
    await fluxOk(["projects", "create", `other-${run}`, "--plan", "free", "--json"], cliHome),
  ) as Project;
  const otherToken = (
    await fluxOk(["token", "create", "--project", other.slug, "--expires-in", "10m"], cliHome)
  ).trim();

  const forged = await gatewayRequest({ host: hostOf(demo), path: "/notes", token: otherToken });
  expect(forged.status).toBe(401);
  expect(JSON.parse(forged.body)).toMatchObject({ code: expect.any(String), message: expect.any(String) });

  const crossTenant = await gatewayRequest({ host: hostOf(other), path: "/notes", token });
  expect(crossTenant.status).toBe(401);
});

test("answers 404 for an unknown host", async () => {
  const res = await gatewayRequest({ host: "api--nobody-here--0000000.localhost", path: "/notes", token });
  expect(res.status).toBe(404);
  expect(JSON.parse(res.body)).toHaveProperty("code");
});
