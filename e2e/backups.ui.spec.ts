import { expect, test } from "@playwright/test";
import { expectSlow, signInWithNewProject } from "./support/new-project";

test.setTimeout(900_000);

test("backups show their tier with the decoder's meaning and next action; the danger zone deletes only behind a restorable backup", async ({
  page,
}) => {
  const slug = await signInWithNewProject(page, "bk");
  await page.getByTestId("nav-backups").click();
  await expectSlow(page.getByTestId("no-backups")).toBeVisible();

  // The gate: no backup, so the typed slug is not enough.
  await page.getByTestId("nuke-confirm").fill(slug);
  await page.getByTestId("nuke-form-submit").click();
  await expectSlow(page.getByTestId("nuke-form-error")).toContainText("has no backup");

  await page.getByTestId("create-backup-form-submit").click();
  const row = page.getByTestId("backup-row").first();
  await expectSlow(row.getByTestId("backup-tier")).toHaveText("not_restore_verified");
  await expect(row.getByTestId("backup-meaning")).toHaveText(
    "File exists, never restored. Run flux backup verify --latest.",
  );
  await expect(row.getByTestId("backup-next-action")).toHaveText(`Next: flux backup verify --project ${slug} --latest`);

  await page.getByTestId("nuke-confirm").fill(slug);
  await page.getByTestId("nuke-form-submit").click();
  await expectSlow(page.getByTestId("nuke-form-error")).toContainText("not_restore_verified");

  await page.getByTestId("verify-latest-form-submit").click();
  await expectSlow(row.getByTestId("backup-tier")).toHaveText("restorable");
  await expect(row.getByTestId("backup-meaning")).toHaveText("Restore-verified. Trustworthy.");
  await expect(page.getByTestId("danger-latest-tier")).toHaveText("restorable");

  // A mistyped slug deletes nothing; the right one deletes and returns to the project list.
  await page.getByTestId("nuke-confirm").fill(`${slug}x`);
  await page.getByTestId("nuke-form-submit").click();
  await expectSlow(page.getByTestId("nuke-form-error")).toContainText("Type the project slug");
  await page.getByTestId("nuke-confirm").fill(slug);
  await page.getByTestId("nuke-form-submit").click();
  await expectSlow(page).toHaveURL(/\/projects$/);
  await expectSlow(page.getByText(slug, { exact: true })).toHaveCount(0);
});
