import { chmodSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { CliError } from "./errors";

export type StoredCredentials = { apiUrl: string; token: string; email?: string };

const DEFAULT_API_URL = "http://localhost:3000";

function credentialsFile(): string {
  const base = process.env.XDG_CONFIG_HOME || path.join(os.homedir(), ".config");
  return path.join(base, "flux", "credentials.json");
}

export function saveCredentials(credentials: StoredCredentials): string {
  const file = credentialsFile();
  mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  writeFileSync(file, JSON.stringify(credentials, null, 2), { mode: 0o600 });
  chmodSync(file, 0o600);
  return file;
}

export function forgetCredentials(): void {
  rmSync(credentialsFile(), { force: true });
}

function readStored(): Partial<StoredCredentials> {
  const file = credentialsFile();
  if (!existsSync(file)) return {};
  try {
    return JSON.parse(readFileSync(file, "utf8")) as Partial<StoredCredentials>;
  } catch {
    throw new CliError(`Cannot read ${file}: it is not valid JSON.`, "Run `flux login` again to rewrite it.");
  }
}

/** FLUX_API_URL and FLUX_TOKEN win over what `flux login` stored, so scripts need no login step. */
export function resolveApiUrl(flag?: string): string {
  const url = flag ?? process.env.FLUX_API_URL ?? readStored().apiUrl ?? DEFAULT_API_URL;
  return validateApiUrl(url);
}

export function resolveToken(): string {
  const token = process.env.FLUX_TOKEN ?? readStored().token;
  if (!token) {
    throw new CliError("You are not logged in.", "Run `flux login --email <you> --password <pw>` or set FLUX_TOKEN.");
  }
  return token;
}

export function validateApiUrl(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new CliError(`--api-url "${url}" is not a URL.`, "Use the dashboard's address, e.g. http://localhost:3000.");
  }
  if (parsed.protocol !== "http:" && parsed.protocol !== "https:") {
    throw new CliError(`--api-url "${url}" must start with http:// or https://.`);
  }
  return parsed.origin;
}
