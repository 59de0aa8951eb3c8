import { expect, type Page } from "@playwright/test";
import { fluxOk } from "./flux-cli";

/** A suffix that keeps one run's users and projects apart from earlier runs against the same database. */
export const run = Date.now().toString(36);
// The dev server compiles each page on first visit; on a loaded machine that takes far longer than 5 s.
export const expectSlow = expect.configure({ timeout: 180_000 });
export const password = "correct horse battery";

/** A new user (made with `flux admin create-user`) signs in and creates a free project `<prefix>-<run>`. */
export async function signInWithNewProject(page: Page, prefix: string): Promise<string> {
  const email = `${prefix}-${run}@example.com`;
  await fluxOk(["admin", "create-user", "--email", email, "--password", password]);
  await page.goto("/login");
  await page.getByLabel(/e-?mail/i).fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: /sign in/i }).click();
  await expectSlow(page).toHaveURL(/\/projects(\?|$)/);
  const slug = `${prefix}-${run}`;
  await page.getByTestId("slug-input").fill(slug);
  await page.getByTestId("plan-select").selectOption("free");
  await page.getByTestId("create-project-submit").click();
  await expectSlow(page.getByTestId("project-status")).toHaveText("active");
  return slug;
}
