import path from "node:path";
import { FLUX_HOME } from "./local-runtime";
import { FluxEnv } from "./schema";
import { tenantDatabaseUrlFor } from "./tenant-database-url";

export type FluxConfig = FluxEnv & {
  tenantDatabaseUrl: string;
  restUrl: string;
  webUrl: string;
  gatewayUrl: string;
  /** Where backup artifacts are written (FLUX_ARTIFACT_DIR, or `<FLUX_HOME>/artifacts`). */
  artifactDir: string;
  /** The troubleshooting guide error answers link to (FLUX_GUIDE_URL, else the local dashboard's). */
  guideUrl: string;
};

export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ConfigError";
  }
}

/** Parses the environment once; a bad setting stops the process with a message naming the variable. */
export function loadConfig(env: Record<string, string | undefined> = process.env): FluxConfig {
  const parsed = FluxEnv.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `  ${issue.path.join(".") || "(env)"}: ${issue.message}`);
    throw new ConfigError(`Flux configuration is invalid:\n${lines.join("\n")}`);
  }
  const c = parsed.data;
  return {
    ...c,
    tenantDatabaseUrl: c.FLUX_TENANT_DATABASE_URL ?? tenantDatabaseUrlFor(c.DATABASE_URL),
    restUrl: c.FLUX_REST_URL ?? `http://127.0.0.1:${c.FLUX_REST_PORT}`,
    webUrl: `http://localhost:${c.FLUX_WEB_PORT}`,
    guideUrl: c.FLUX_GUIDE_URL ?? `http://localhost:${c.FLUX_WEB_PORT}/troubleshooting`,
    gatewayUrl: `http://127.0.0.1:${c.FLUX_GATEWAY_PORT}`,
    artifactDir: c.FLUX_ARTIFACT_DIR ?? path.join(FLUX_HOME, "artifacts"),
  };
}
