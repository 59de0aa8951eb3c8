import { expect, type Page } from "@playwright/test";

/** Signs in on /login with e-mail and password and waits for the projects page. */
export async function signIn(page: Page, email: string, password: string): Promise<void> {
  await page.goto("/login");
  await page.getByLabel(/e-?mail/i).fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: /sign in/i }).click();
  // The dev server compiles each route on first use; on a shared machine that can take a while.
  await expect(page).toHaveURL(/\/projects/, { timeout: 90_000 });
}
