import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect as baseExpect, test, type Page } from "@playwright/test";
import { E2E_PORTS } from "./support/e2e-env";
import { fluxOk } from "./support/flux-cli";
import { signIn as signInAs } from "./support/sign-in";

// `flux dev` compiles each page on first use; on a shared 2-core machine that outlasts the 5 s default.
const expect = baseExpect.configure({ timeout: 60_000 });
test.describe.configure({ timeout: 300_000 });

const run = Date.now().toString(36);
const password = "correct horse battery";
const owner = `mig-owner-${run}@example.com`;
const stranger = `mig-stranger-${run}@example.com`;
const slug = `mig-${run}`;
const cli = { XDG_CONFIG_HOME: mkdtempSync(path.join(os.tmpdir(), "flux-mig-")) };
const CREATE_NOTES = "create table notes (id bigserial primary key, body text not null);";

const signIn = (page: Page, email: string) => signInAs(page, email, password);

test.beforeAll(async () => {
  await fluxOk(["admin", "create-user", "--email", owner, "--password", password]);
  await fluxOk(["admin", "create-user", "--email", stranger, "--password", password]);
  await fluxOk(
    ["login", "--api-url", `http://localhost:${E2E_PORTS.web}`, "--email", owner, "--password", password],
    cli,
  );
  await fluxOk(["projects", "create", slug, "--plan", "free"], cli);
  const dir = path.join(mkdtempSync(path.join(os.tmpdir(), "flux-mig-dir-")), "flux", "migrations");
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, "0001_notes.sql"), CREATE_NOTES);
  writeFileSync(path.join(dir, "0002_seed.sql"), "insert into notes (body) values ('hello');");
  await fluxOk(["push", "--project", slug, "--dir", dir], cli);
});

test("the Migrations tab lists each applied file with who pushed it and the SQL that ran", async ({ page }) => {
  await signIn(page, owner);
  await page.goto(`/projects/${slug}/env`);
  await page.getByTestId("nav-migrations").click();
  await expect(page).toHaveURL(new RegExp(`/projects/${slug}/migrations$`));
  await expect(page.getByTestId("page-title")).toContainText("Migrations");
  const rows = page.getByTestId("migrations-row");
  await expect(rows).toHaveCount(2);
  await expect(page.getByTestId("migration-version")).toHaveText(["0001", "0002"]);
  await expect(page.getByTestId("migration-name")).toHaveText(["notes", "seed"]);
  const first = page.locator('[data-testid="migrations-row"][data-key="0001"]');
  await expect(first).toContainText(owner);
  await expect(first.locator("pre")).toBeHidden();
  await first.getByText("Show SQL").click();
  await expect(first.locator("pre")).toHaveText(CREATE_NOTES);
});

test("a user who is not a member gets the not-found page, not the history", async ({ page }) => {
  await signIn(page, stranger);
  const response = await page.goto(`/projects/${slug}/migrations`);
  expect(response?.status()).toBe(404);
  await expect(page.getByTestId("migrations-row")).toHaveCount(0);
});
