import { existsSync } from "node:fs";

const CANDIDATES = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"];

/** Debian's Chromium (or FLUX_CHROMIUM_PATH); undefined lets Playwright use a browser it installed itself. */
export function chromiumPath(): string | undefined {
  if (process.env.FLUX_CHROMIUM_PATH) return process.env.FLUX_CHROMIUM_PATH;
  return CANDIDATES.find((candidate) => existsSync(candidate));
}
