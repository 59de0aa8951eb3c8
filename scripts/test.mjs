#!/usr/bin/env node
// `npm test`: unit and integration tests (vitest, real PostgreSQL — embedded when DATABASE_URL is unset),
// then the end-to-end specs (Playwright in Chromium against the stack `flux dev` starts).
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";

const CHROMIUM = [
  process.env.FLUX_CHROMIUM_PATH,
  "/usr/bin/chromium",
  "/usr/bin/chromium-browser",
  "/usr/bin/google-chrome",
];

function step(title, command, args) {
  process.stdout.write(`\n=== ${title} ===\n`);
  const result = spawnSync(command, args, { stdio: "inherit", env: process.env });
  if (result.error) throw result.error;
  return result.status ?? 1;
}

const bin = (name) => `node_modules/.bin/${name}`;
const results = [];
results.push(["unit + integration (vitest)", step("unit + integration (vitest)", bin("vitest"), ["run"])]);

const hasChromium = CHROMIUM.some((candidate) => candidate && existsSync(candidate));
if (hasChromium || process.env.CI) {
  results.push(["end-to-end (playwright)", step("end-to-end (playwright, Chromium)", bin("playwright"), ["test"])]);
} else {
  process.stdout.write(
    "\n=== end-to-end (playwright) NOT RUN ===\nNo Chromium found. Install one (Debian: apt-get install -y chromium) or set FLUX_CHROMIUM_PATH.\n",
  );
}

const failed = results.filter(([, status]) => status !== 0);
process.stdout.write(`\n${results.map(([name, status]) => `${status === 0 ? "PASS" : "FAIL"}  ${name}`).join("\n")}\n`);
process.exit(failed.length === 0 ? 0 : 1);
