import path from "node:path";
import { defineConfig } from "@playwright/test";
import { e2eEnv, E2E_PORTS } from "./e2e/support/e2e-env";
import { chromiumPath } from "./e2e/support/chromium-path";

/**
 * End-to-end: the whole stack started by `flux dev` on test ports (its own .flux/e2e home, so a developer's
 * running stack is untouched), driven by Debian's Chromium and by the `flux` CLI over real HTTP.
 */
export default defineConfig({
  testDir: "./e2e",
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  workers: 1,
  timeout: 120_000,
  // `next dev` compiles each route on its first visit (over a minute for /login on a loaded 2-core machine), so a
  // first navigation or sign-in may take far longer than Playwright's 5 s default.
  expect: { timeout: 30_000 },
  reporter: [["list"]],
  outputDir: "test-results",
  use: {
    baseURL: `http://localhost:${E2E_PORTS.web}`,
    screenshot: "only-on-failure",
    trace: "off",
    launchOptions: {
      executablePath: chromiumPath(),
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    },
  },
  projects: [
    { name: "api", testMatch: /.*\.api\.spec\.ts/ },
    { name: "ui", testMatch: /.*\.ui\.spec\.ts/ },
  ],
  webServer: {
    command: `${process.execPath} ${path.join("cli", "bin.mjs")} dev`,
    url: `http://localhost:${E2E_PORTS.web}/login`,
    env: e2eEnv(),
    timeout: 300_000,
    reuseExistingServer: false,
    stdout: "pipe",
    stderr: "pipe",
    gracefulShutdown: { signal: "SIGTERM", timeout: 20_000 },
  },
});
