import { expect, test } from "@playwright/test";
import { fluxOk } from "./support/flux-cli";

const run = Date.now().toString(36);
const email = `ui-${run}@example.com`;
const password = "correct horse battery";

test("a user signs in, creates a project and sees its Service URL", async ({ page }) => {
  await fluxOk(["admin", "create-user", "--email", email, "--password", password]);

  await page.goto("/projects");
  await expect(page).toHaveURL(/\/login/);
  await page.getByLabel(/e-?mail/i).fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: /sign in/i }).click();
  // The first sign-in compiles the auth route and /projects; on a loaded 2-core machine that passed 30 s.
  await expect(page).toHaveURL(/\/projects/, { timeout: 90_000 });

  const slug = `ui-${run}`;
  await page.getByTestId("slug-input").fill(slug);
  await page.getByTestId("plan-select").selectOption("free");
  await page.getByTestId("create-project-submit").click();

  await expect(page.getByTestId("service-url")).toContainText(new RegExp(`api--${slug}--[0-9a-f]{7}\\.localhost`), {
    timeout: 30_000,
  });
  await expect(page.getByTestId("project-mode")).toHaveText("v2_shared");
  await expect(page.getByTestId("project-plan")).toHaveText("free");
  await expect(page.getByTestId("project-status")).toHaveText("active");
  await expect(page.getByTestId("project-schema")).toHaveText(/^t_[0-9a-f]{12}_api$/);
  await expect(page.getByTestId("project-role")).toHaveText(/^t_[0-9a-f]{12}_role$/);
});

test("a wrong password keeps the user on the sign-in page with an error", async ({ page }) => {
  await page.goto("/login");
  await page.getByLabel(/e-?mail/i).fill(email);
  await page.getByLabel("Password").fill("not the password");
  await page.getByRole("button", { name: /sign in/i }).click();
  await expect(page.getByRole("alert")).toBeVisible();
  await expect(page).toHaveURL(/\/login/);
});
