import { expect, test, type Page } from "@playwright/test";
import { fluxOk } from "./support/flux-cli";
import { gatewayRequest } from "./support/gateway-request";
import { expectSlow, password, run, signInWithNewProject } from "./support/new-project";

test.setTimeout(900_000);

const clipboard = (page: Page) => page.evaluate(() => navigator.clipboard.readText());

test("the owner copies filled-in snippets and mints a test token that the gateway accepts", async ({
  page,
  context,
}) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  const slug = await signInWithNewProject(page, "integr");
  await page.getByTestId("nav-integrations").click();

  // JWKS alternative: the command names this project, and Copy puts exactly the shown text on the clipboard.
  const command = page.getByTestId("jwks-command-text");
  await expectSlow(command).toContainText(`flux issuers add --project ${slug} --issuer`);
  await page.getByTestId("jwks-command-copy").click();
  await expectSlow(page.getByTestId("jwks-command-copy")).toHaveText("Copied");
  expect(await clipboard(page)).toBe(await command.textContent());

  // The secret is a placeholder until the owner fills it in (audited), then it is in the .env and Clerk settings.
  await expect(page.getByTestId("authjs-env-text")).toContainText("FLUX_JWT_SECRET=<project JWT secret");
  await page.getByTestId("fill-secret").click();
  await expectSlow(page.getByTestId("authjs-env-text")).toContainText(/FLUX_JWT_SECRET=[A-Za-z0-9_-]{64}/);
  await expect(page.getByTestId("clerk-settings-text")).toContainText(/Signing key: [A-Za-z0-9_-]{64}/);
  await page.getByTestId("authjs-env-copy").click();
  await expectSlow(page.getByTestId("authjs-env-copy")).toHaveText("Copied");
  expect(await clipboard(page)).toBe(await page.getByTestId("authjs-env-text").textContent());
  await page.getByTestId("clerk-claims-copy").click();
  expect(JSON.parse(await clipboard(page))).toMatchObject({ role: "authenticated" });

  // Mint a test token, like `flux token create`, and use it through the gateway at the Service URL shown.
  await page.getByTestId("mint-sub").fill("user-e2e-1");
  await page.getByTestId("mint-form-submit").click();
  const token =
    (await expectSlow(page.getByTestId("mint-form-reveal")).toHaveText(/^ey[\w-]+\.[\w-]+\.[\w-]+$/),
    await page.getByTestId("mint-form-reveal").textContent()) ?? "";
  const host = new URL((await page.getByTestId("service-url").textContent()) ?? "").hostname;
  expect((await gatewayRequest({ host, path: "/", token })).status).toBe(200);
  expect((await gatewayRequest({ host, path: "/", token: `${token.slice(0, -4)}AAAA` })).status).toBe(401);

  // Trusted issuers: a plain-http JWKS URL is refused with the rule; an https one is listed, then removed.
  page.on("dialog", (dialog) => void dialog.accept());
  const issuer = `https://idp-${run}.example.test`;
  await page.getByTestId("issuer-input").fill(issuer);
  await page.getByTestId("jwks-url-input").fill(`http://idp-${run}.example.test/jwks.json`);
  await page.getByTestId("add-issuer-submit").click();
  await expectSlow(page.getByTestId("add-issuer-error")).toContainText("jwksUrl: must use https");
  // The form starts empty again after an answer (React resets uncontrolled forms after an action).
  await page.getByTestId("issuer-input").fill(issuer);
  await page.getByTestId("jwks-url-input").fill(`${issuer}/.well-known/jwks.json`);
  await page.getByTestId("add-issuer-submit").click();
  await expectSlow(page.locator(`[data-testid="issuer-row"][data-issuer="${issuer}"]`)).toHaveCount(1);
  await page.getByTestId("remove-issuer-submit").click();
  await expectSlow(page.getByTestId("no-issuers")).toBeVisible();
});

test("a viewer sees placeholders instead of the secret and no mint form", async ({ page }) => {
  const slug = await signInWithNewProject(page, "integv");
  const viewer = `viewer-${run}@example.com`;
  await fluxOk(["admin", "create-user", "--email", viewer, "--password", password]);
  await page.getByTestId("nav-members").click();
  await page.getByTestId("member-email").fill(viewer);
  await page.getByTestId("member-role-select").selectOption("viewer");
  await page.getByTestId("add-member-submit").click();
  await expectSlow(page.locator(`[data-testid="members-row"][data-key="${viewer}"]`)).toHaveCount(1);

  await page.context().clearCookies();
  await page.goto("/login");
  await page.getByLabel(/e-?mail/i).fill(viewer);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: /sign in/i }).click();
  await expectSlow(page).toHaveURL(/\/projects(\?|$)/);
  await page.goto(`/projects/${slug}/integrations`);
  await expectSlow(page.getByTestId("secret-placeholder-note")).toBeVisible();
  await expect(page.getByTestId("fill-secret")).toHaveCount(0);
  await expect(page.getByTestId("authjs-env-text")).toContainText("FLUX_JWT_SECRET=<project JWT secret");
  await expect(page.getByTestId("mint-not-allowed")).toBeVisible();
  await expect(page.getByTestId("add-issuer")).toHaveCount(0);
});
