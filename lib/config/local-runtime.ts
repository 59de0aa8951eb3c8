import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

/** Where development state lives: generated secrets, the embedded Postgres data, the running stack's URLs. */
export const FLUX_HOME = path.resolve(process.env.FLUX_HOME ?? path.join(process.cwd(), ".flux"));

const SECRETS_FILE = "secrets.json";
const RUNTIME_FILE = "runtime.json";

type Env = Record<string, string | undefined>;

/** Development secrets, generated once into .flux/secrets.json (mode 0600) and reused on every run. */
export function ensureLocalSecrets(home = FLUX_HOME): Record<string, string> {
  const file = path.join(home, SECRETS_FILE);
  if (existsSync(file)) return JSON.parse(readFileSync(file, "utf8")) as Record<string, string>;
  mkdirSync(home, { recursive: true });
  const secrets = {
    FLUX_MASTER_KEY: randomBytes(32).toString("hex"),
    FLUX_DATA_PLANE_KEY: randomBytes(32).toString("hex"),
    FLUX_BRIDGE_SECRET: randomBytes(32).toString("hex"),
    NEXTAUTH_SECRET: randomBytes(32).toString("hex"),
    EMBEDDED_PG_PASSWORD: randomBytes(18).toString("hex"),
  };
  writeFileSync(file, JSON.stringify(secrets, null, 2), { mode: 0o600 });
  return secrets;
}

/** What `flux dev` wrote about the stack it started (database URL of the embedded server, ports). */
export function readLocalRuntime(home = FLUX_HOME): Env {
  const file = path.join(home, RUNTIME_FILE);
  if (!existsSync(file)) return {};
  return JSON.parse(readFileSync(file, "utf8")) as Env;
}

export function writeLocalRuntime(values: Env, home = FLUX_HOME): void {
  mkdirSync(home, { recursive: true });
  writeFileSync(path.join(home, RUNTIME_FILE), JSON.stringify(values, null, 2), { mode: 0o600 });
}

/**
 * The environment a local process runs with: explicit environment variables win, then what the running
 * `flux dev` recorded, then the generated development secrets.
 */
export function localRuntimeEnv(env: Env = process.env, home = FLUX_HOME): Env {
  const secrets = existsSync(path.join(home, SECRETS_FILE)) ? ensureLocalSecrets(home) : {};
  return { ...secrets, ...readLocalRuntime(home), ...definedOnly(env) };
}

function definedOnly(env: Env): Env {
  return Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ""));
}
