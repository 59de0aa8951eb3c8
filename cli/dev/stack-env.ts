import path from "node:path";
import { ensureLocalSecrets, FLUX_HOME, loadConfig, type FluxConfig } from "@/lib/config";
import { startEmbeddedPostgres, type EmbeddedServer } from "@/lib/dev/embedded-postgres";

export type StackEnv = { env: NodeJS.ProcessEnv; config: FluxConfig; embedded?: EmbeddedServer };

/**
 * The environment every process of the stack runs with: generated development secrets, then the caller's
 * environment; DATABASE_URL from an embedded PostgreSQL under .flux/pg when the caller set none.
 */
export async function prepareStackEnv(log: (line: string) => void): Promise<StackEnv> {
  const secrets = ensureLocalSecrets();
  const env: NodeJS.ProcessEnv = { ...secrets, ...process.env };
  let embedded: EmbeddedServer | undefined;
  if (!env.DATABASE_URL) {
    const port = Number(env.FLUX_EMBEDDED_PG_PORT ?? 54329);
    log(
      `DATABASE_URL is not set: starting embedded PostgreSQL on 127.0.0.1:${port} (data in ${path.join(FLUX_HOME, "pg")})`,
    );
    embedded = await startEmbeddedPostgres({
      dataDir: path.join(FLUX_HOME, "pg"),
      port,
      password: secrets.EMBEDDED_PG_PASSWORD ?? "flux",
      log: (line) => (env.FLUX_LOG_LEVEL === "debug" ? log(`[postgres] ${line}`) : undefined),
    });
    env.DATABASE_URL = embedded.url;
  }
  // A local identity provider (e.g. Auth.js on localhost) serves its JWKS over plain http; only loopback hosts.
  env.FLUX_JWKS_ALLOW_LOOPBACK_HTTP ??= "1";
  const config = loadConfig(env);
  env.NEXT_TELEMETRY_DISABLED ??= "1";
  env.NEXTAUTH_URL ??= `http://localhost:${config.FLUX_WEB_PORT}`;
  env.FLUX_TENANT_DATABASE_URL = config.tenantDatabaseUrl;
  return { env, config, embedded };
}
