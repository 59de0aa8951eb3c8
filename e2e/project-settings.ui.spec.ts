import { test, type Page } from "@playwright/test";
import { expectSlow, signInWithNewProject } from "./support/new-project";

test.setTimeout(900_000);

const states = (page: Page) => page.getByTestId("key-state");

test("the owner reveals the secret after confirming, rotates with a grace, sees key states and ends the grace", async ({
  page,
}) => {
  await signInWithNewProject(page, "keys");
  page.on("dialog", (dialog) => void dialog.accept());
  await page.getByTestId("nav-keys").click();
  await expectSlow(states(page)).toHaveText(["current"]);
  await expectSlow(page.getByTestId("end-grace-section")).toHaveCount(0);

  await page.getByTestId("reveal-secret").click();
  await expectSlow(page.getByTestId("revealed-secret")).toHaveCount(0);
  await page.getByTestId("reveal-secret-confirm").click();
  await expectSlow(page.getByTestId("revealed-secret")).toHaveText(/^[A-Za-z0-9_-]{64}$/);

  await page.getByTestId("grace-input").fill("30m");
  await page.getByTestId("rotate-form-submit").click();
  await expectSlow(page.getByTestId("rotate-form-done")).toContainText("accepted until");
  await expectSlow(states(page)).toHaveText(["current", "previous"]);

  // The page re-renders after the action: the previous key shows as revoked and the end-grace form goes away.
  await page.getByTestId("end-grace-form-submit").click();
  await expectSlow(states(page)).toHaveText(["current", "revoked"]);
  await expectSlow(page.getByTestId("end-grace-section")).toHaveCount(0);
});

test("the owner is told a higher plan is an admin's to grant, suspends and resumes, then renames the project", async ({
  page,
}) => {
  const slug = await signInWithNewProject(page, "cfg");
  page.on("dialog", (dialog) => void dialog.accept());
  await page.getByTestId("nav-settings").click();

  // A higher plan is a platform admin's to grant: the owner sees who may, and the plan stays.
  await page.getByTestId("plan-change-select").selectOption("pro");
  await page.getByTestId("plan-form-submit").click();
  await expectSlow(page.getByTestId("plan-form-error")).toContainText(
    `Only a platform admin may move '${slug}' from free to pro`,
  );
  await page.reload();
  await expectSlow(page.getByTestId("settings-plan")).toHaveText("free");

  // The page re-renders after each action, so the status badge (not the form's message) is what to watch.
  await page.getByTestId("suspend-form-submit").click();
  await expectSlow(page.getByTestId("settings-status")).toHaveText("suspended");
  await page.getByTestId("resume-form-submit").click();
  await expectSlow(page.getByTestId("settings-status")).toHaveText("active");

  const renamed = `${slug}-new`;
  await page.getByTestId("rename-input").fill(renamed);
  await page.getByTestId("rename-form-submit").click();
  await expectSlow(page).toHaveURL(new RegExp(`/projects/${renamed}/settings$`));
  await expectSlow(page.getByTestId("project-slug")).toHaveText(renamed);
  await page.getByTestId("nav-overview").click();
  await expectSlow(page.getByTestId("service-url")).toContainText(`api--${renamed}--`);
});

test("a taken slug is refused inline on the settings page", async ({ page }) => {
  const slug = await signInWithNewProject(page, "taken");
  await page.goto("/projects");
  await page.getByTestId("slug-input").fill(`${slug}-b`);
  await page.getByTestId("create-project-submit").click();
  await expectSlow(page.getByTestId("project-status")).toHaveText("active");
  await page.getByTestId("nav-settings").click();
  await page.getByTestId("rename-input").fill(slug);
  await page.getByTestId("rename-form-submit").click();
  await expectSlow(page.getByTestId("rename-form-error")).toContainText("is taken");
});
