import { mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { Redis } from "ioredis";
import { dispatchRowKey } from "../lib/cache/keys";
import { E2E_PORTS } from "./support/e2e-env";
import { fluxOk } from "./support/flux-cli";
import { gatewayRequest } from "./support/gateway-request";

const run = Date.now().toString(36);
const password = "correct horse battery";
const owner = `trouble-${run}@example.com`;
const support = `support-${run}@example.com`;
const cliHome = { XDG_CONFIG_HOME: mkdtempSync(path.join(os.tmpdir(), "flux-cli-")) };
/** The dev server compiles each page on first visit; on a shared machine that takes minutes, not seconds. */
const slow = expect.configure({ timeout: 240_000 });

type Project = { slug: string; hash: string; schema: string };
let project: Project;

test.describe.configure({ mode: "serial" });

async function signIn(page: Page, email: string): Promise<void> {
  await page.context().clearCookies();
  await page.goto("/login");
  await page.getByLabel(/e-?mail/i).fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: /sign in/i }).click();
  await slow(page).toHaveURL(/\/projects/);
}

test.beforeAll(async () => {
  test.setTimeout(300_000);
  await fluxOk(["admin", "create-user", "--email", owner, "--password", password]);
  await fluxOk(["admin", "create-user", "--email", support, "--password", password, "--role", "support"]);
  await fluxOk(
    ["login", "--api-url", `http://localhost:${E2E_PORTS.web}`, "--email", owner, "--password", password],
    cliHome,
  );
  project = JSON.parse(await fluxOk(["projects", "create", `trouble-${run}`, "--json"], cliHome)) as Project;
  const file = path.join(mkdtempSync(path.join(os.tmpdir(), "flux-sql-")), "0001_notes.sql");
  writeFileSync(
    file,
    "create table notes (id int primary key, owner_id text);\nalter table notes enable row level security;\ninsert into notes values (1, 'user-1');\n",
  );
  await fluxOk(["push", "--project", project.slug, "--file", file], cliHome);
});

test("the troubleshooting guide renders every catalogue entry with an anchor, without signing in", async ({ page }) => {
  test.setTimeout(600_000);
  await page.goto("/troubleshooting#unauthorized-401");
  await slow(page.getByTestId("page-title")).toHaveText("Troubleshooting");
  expect(await page.getByTestId("guide-entry").count()).toBeGreaterThanOrEqual(17);
  await expect(page.locator("#unauthorized-401")).toContainText("FLUX-GW-AUTH-EXPIRED");
  await expect(page.locator("#permission-denied-42501")).toContainText("grant usage on schema");
});

test("the Troubleshoot tab names the failing layer and the fix with the project's own names", async ({ page }) => {
  test.setTimeout(600_000);
  const token = (await fluxOk(["token", "create", "--project", project.slug, "--sub", "user-1"], cliHome)).trim();
  await signIn(page, owner);
  await page.goto(`/projects/${project.slug}`);
  await slow(page.getByTestId("nav-troubleshoot")).toBeVisible();
  await page.getByTestId("nav-troubleshoot").click();
  await slow(page.getByTestId("diagnose-form")).toBeVisible();
  await page.getByTestId("diagnose-request").fill("GET /notes?select=id");
  await page.getByTestId("diagnose-token").fill(token);
  await page.getByTestId("diagnose-submit").click();
  await slow(page.getByTestId("diagnosis-layer")).toHaveText("rls");
  await expect(page.getByTestId("diagnosis-code")).toHaveText("FLUX-DIAG-RLS-NO-POLICY");
  await expect(page.getByTestId("diagnosis-fix")).toContainText(`on "${project.schema}"."notes" for select`);
  await expect(page.locator("body")).not.toContainText(token);
});

test("the advisors panel on the project page lists a finding and an owner dismisses it", async ({ page }) => {
  test.setTimeout(600_000);
  await signIn(page, owner);
  await page.goto(`/projects/${project.slug}`);
  const finding = page.locator(
    `[data-testid="advisor-finding"][data-key="rls_enabled_no_policy:${project.schema}.notes"]`,
  );
  await slow(finding).toBeVisible();
  await expect(finding.getByTestId("advisor-level")).toHaveText("warn");
  await finding.getByTestId("dismiss-advisor-submit").click();
  await slow(finding).toHaveAttribute("data-dismissed", "true");
});

test("support sees every project's health and a request's whole path; a plain user sees no support pages", async ({
  page,
}) => {
  test.setTimeout(600_000);
  const refused = await gatewayRequest({
    host: `api--${project.slug}--${project.hash}.localhost`,
    path: "/notes?select=id",
    token: "not.a-valid.token",
  });
  expect(refused.status).toBe(401);
  const requestId = String(refused.headers["x-request-id"]);

  await signIn(page, support);
  await page.getByTestId("support-link").click();
  const row = page.locator(`[data-testid="project-health-row"][data-key="${project.slug}"]`);
  await slow(row).toBeVisible();
  if (process.env.REDIS_URL) {
    // The gateway sends its dispatch rows to Redis once a second; wait for this one before looking it up.
    const redis = new Redis(process.env.REDIS_URL);
    try {
      await expect.poll(() => redis.exists(dispatchRowKey(requestId)), { timeout: 30_000 }).toBe(1);
    } finally {
      redis.disconnect();
    }
    await page.getByTestId("request-lookup-id").fill(requestId);
    await page.getByTestId("request-lookup-submit").click();
    await slow(page.getByTestId("request-outcome")).toContainText("FLUX-GW-AUTH-");
    await expect(page.getByTestId("request-project")).toHaveText(project.slug);
    await expect(page.locator('[data-testid="request-step"][data-step="verify"]')).toBeVisible();
    await expect(page.locator("body")).not.toContainText("not.a-valid.token");
  }
  await page.goto(`/support/projects/${project.slug}`);
  await slow(page.getByTestId("support-keys")).toContainText("current");
  await expect(page.getByTestId("support-backups-empty")).toContainText("No backups");
  await expect(page.getByTestId("advisors-panel")).toBeVisible();

  await signIn(page, owner);
  const response = await page.goto("/support");
  expect(response?.status()).toBe(404);
});
