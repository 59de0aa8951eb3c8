import { expect, test } from "@playwright/test";
import { startTestDnsServer, type TestDnsServer } from "../tests/fixtures/dns-server";
import { E2E_PORTS } from "./support/e2e-env";
import { fluxOk } from "./support/flux-cli";
import { gatewayRequest } from "./support/gateway-request";

const run = Date.now().toString(36);
const email = `domains-${run}@example.com`;
const password = "correct horse battery";

/** The dev server compiles each page on first visit; on a shared machine that takes minutes, not seconds. */
const slow = expect.configure({ timeout: 240_000 });

let dns: TestDnsServer;
test.beforeAll(async () => {
  dns = await startTestDnsServer(E2E_PORTS.dns);
});
test.afterAll(async () => {
  await dns?.close();
});

/** What the gateway answers for the host without a token: 404 FLUX-GW-404 while it routes nowhere, 401 once it does. */
const gatewayStatus = async (host: string) => (await gatewayRequest({ host, path: "/" })).status;

test("an owner adds a custom domain, sees the TXT record, verifies it through DNS, and removes it", async ({
  page,
}) => {
  test.setTimeout(900_000);
  await fluxOk(["admin", "create-user", "--email", email, "--password", password]);
  await page.goto("/login");
  await page.getByLabel(/e-?mail/i).fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: /sign in/i }).click();
  await slow(page).toHaveURL(/\/projects/);

  const slug = `dom-${run}`;
  await page.getByTestId("slug-input").fill(slug);
  await page.getByTestId("create-project-submit").click();
  await slow(page.getByTestId("project-status")).toHaveText("active");
  await page.getByTestId("domains-link").click();
  await slow(page.getByTestId("no-domains")).toBeVisible();

  await page.getByTestId("domain-input").fill("*.example.test");
  await page.getByTestId("add-domain-submit").click();
  await slow(page.getByTestId("add-domain-error")).toContainText("wildcard");

  const host = `www.${run}.example.test`;
  await page.getByTestId("domain-input").fill(`WWW.${run}.Example.TEST.`);
  await page.getByTestId("add-domain-submit").click();
  const row = page.locator(`[data-testid="domain-row"][data-hostname="${host}"]`);
  await slow(row.getByTestId("domain-status")).toHaveText("pending");
  await slow(row.getByTestId("txt-name")).toHaveText(`_flux-challenge.${host}`);
  const value = (await row.getByTestId("txt-value").textContent()) ?? "";
  expect(value).toMatch(/^flux-verify=[0-9a-f]{32}$/);
  expect(await gatewayStatus(host)).toBe(404);

  await row.getByTestId("verify-domain").click();
  await slow(row.getByTestId("domain-error")).toContainText("NXDOMAIN");

  dns.setTxt(`_flux-challenge.${host}`, [value]);
  await row.getByTestId("verify-domain").click();
  await slow(row.getByTestId("domain-status")).toHaveText("verified");
  // Without REDIS_URL (as here) each gateway forgets a cached "nothing here" within its host cache TTL (5 s).
  await expect.poll(() => gatewayStatus(host), { timeout: 15_000 }).toBe(401);

  await row.getByTestId("remove-domain").click();
  await slow(page.getByTestId("no-domains")).toBeVisible();
  await expect.poll(() => gatewayStatus(host), { timeout: 15_000 }).toBe(404);
});
