import { mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect as baseExpect, test, type Page } from "@playwright/test";
import { E2E_PORTS } from "./support/e2e-env";
import { flux, fluxOk } from "./support/flux-cli";
import { signIn as signInAs } from "./support/sign-in";

// `flux dev` compiles each page on first use; on a shared 2-core machine that outlasts the 5 s default.
const expect = baseExpect.configure({ timeout: 60_000 });
test.describe.configure({ timeout: 300_000 });

const run = Date.now().toString(36);
const password = "correct horse battery";
const owner = `people-owner-${run}@example.com`;
const dev = `people-dev-${run}@example.com`;
const admin = `people-admin-${run}@example.com`;
const slug = `ppl-${run}`;
const cli = { XDG_CONFIG_HOME: mkdtempSync(path.join(os.tmpdir(), "flux-people-")) };

const signIn = (page: Page, email: string) => signInAs(page, email, password);

test.beforeAll(async () => {
  await fluxOk(["admin", "create-user", "--email", owner, "--password", password]);
  await fluxOk(["admin", "create-user", "--email", dev, "--password", password]);
  await fluxOk(["admin", "create-user", "--email", admin, "--password", password, "--role", "admin"]);
  await fluxOk(
    ["login", "--api-url", `http://localhost:${E2E_PORTS.web}`, "--email", owner, "--password", password],
    cli,
  );
  await fluxOk(["projects", "create", slug, "--plan", "free"], cli);
});

test("an owner adds a member on the members page; the last owner cannot be removed", async ({ page }) => {
  await signIn(page, owner);
  await page.goto(`/projects/${slug}/members`);
  await page.getByTestId("member-email").fill(dev);
  await page.getByTestId("member-role-select").selectOption("viewer");
  await page.getByTestId("add-member-submit").click();
  await expect(page.getByTestId("add-member-done")).toContainText(`${dev} is now viewer`);
  await expect(page.locator(`[data-testid="members-row"][data-key="${dev}"]`)).toContainText("viewer");

  await page.getByTestId(`remove-${owner}-submit`).click();
  await expect(page.getByTestId(`remove-${owner}-error`)).toContainText("last owner");

  const listed = JSON.parse(await fluxOk(["members", "list", "--project", slug, "--json"], cli)) as {
    data: { email: string; role: string }[];
  };
  expect(listed.data.find((m) => m.email === dev)?.role).toBe("viewer");
});

test("env page: a secret is saved and shown only as write-only; a viewer is refused", async ({ page, browser }) => {
  await fluxOk(["members", "add", dev, "--role", "viewer", "--project", slug], cli);
  await signIn(page, owner);
  await page.goto(`/projects/${slug}/env`);
  await page.getByTestId("env-key").fill("STRIPE_KEY");
  await page.getByTestId("env-value-input").fill("sk_e2e_never_shown");
  await page.getByTestId("env-secret").check();
  await page.getByTestId("set-env-submit").click();
  await expect(page.getByTestId("set-env-done")).toContainText("STRIPE_KEY saved as a secret");
  await expect(page.locator('[data-testid="env-row"][data-key="STRIPE_KEY"]')).toContainText("write-only");
  await expect(page.locator("body")).not.toContainText("sk_e2e_never_shown");

  const viewer = await browser.newPage();
  await signIn(viewer, dev);
  await viewer.goto(`/projects/${slug}/env`);
  await viewer.getByTestId("env-key").fill("OTHER");
  await viewer.getByTestId("env-value-input").fill("x");
  await viewer.getByTestId("set-env-submit").click();
  await expect(viewer.getByTestId("set-env-error")).toContainText("Only a project owner or developer");
  await viewer.close();
});

test("audit page lists the project's changes newest first; the admin audit page is for admins only", async ({
  page,
}) => {
  // Self-contained: after a failure Playwright re-runs beforeAll in a fresh worker, with a fresh project.
  await fluxOk(["members", "add", dev, "--role", "developer", "--project", slug], cli);
  await fluxOk(["env", "set", "AUDITED=1", "--project", slug], cli);
  await signIn(page, owner);
  await page.goto(`/projects/${slug}/audit`);
  await expect(page.getByTestId("audit-action").first()).toHaveText("project.env.create");
  await expect(page.getByTestId("audit")).toContainText("project.member.");
  const cliAudit = JSON.parse(await fluxOk(["audit", "--project", slug, "--json"], cli)) as {
    data: { action: string }[];
  };
  expect(cliAudit.data[0]?.action).toBe("project.env.create");

  const denied = await page.goto("/admin/audit");
  expect(denied?.status()).toBe(404);
  // The 404 page has no header; sign out from a page that has one.
  await page.goto("/projects");
  await page.getByTestId("sign-out").click();
  await expect(page).toHaveURL(/\/login/);
  await signIn(page, admin);
  await page.goto("/admin/audit");
  await expect(page.getByTestId("audit")).toContainText(slug);
});

test("tokens page: a new token is shown once, works for the CLI, and is refused after revoking", async ({ page }) => {
  await signIn(page, owner);
  await page.goto("/settings/tokens");
  await page.getByTestId("pat-name").fill(`e2e-${run}`);
  await page.getByTestId("pat-expires").fill("7d");
  await page.getByTestId("create-pat-submit").click();
  const token = (await page.getByTestId("create-pat-reveal").textContent())?.trim() ?? "";
  expect(token).toMatch(/^flux_pat_/);
  const env = { ...cli, FLUX_API_URL: `http://localhost:${E2E_PORTS.web}`, FLUX_TOKEN: token };
  expect((await flux(["pat", "list", "--json"], env)).code).toBe(0);

  await page.reload();
  await expect(page.locator("body")).not.toContainText(token);
  await page.getByTestId(`revoke-e2e-${run}-submit`).click();
  await expect(
    page.locator('[data-testid="pats-row"]', { hasText: `e2e-${run}` }).getByTestId("pat-revoked"),
  ).not.toHaveText("—");
  const refused = await flux(["pat", "list"], env);
  expect(refused.code).toBe(1);
  expect(refused.stderr).toMatch(/was revoked/);
});
