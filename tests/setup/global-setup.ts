import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { tenantDatabaseUrlFor, withDatabase } from "@/lib/config";
import { migrateFluxSystem } from "@/lib/db/migrate";
import { startEmbeddedPostgres, type EmbeddedServer } from "@/lib/dev/embedded-postgres";
import { dropTestDatabases } from "./drop-test-databases";

/**
 * Integration tests run against a real PostgreSQL: the one in DATABASE_URL, else an embedded server under
 * .flux/test-pg. Each run gets fresh flux-system and tenant databases, dropped (with their tenant roles)
 * afterwards. Redis is used when REDIS_URL is set; FLUX_REQUIRE_REDIS=1 makes its absence an error.
 */
export default async function setup() {
  let embedded: EmbeddedServer | undefined;
  let serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) {
    embedded = await startEmbeddedPostgres({
      dataDir: path.resolve(".flux/test-pg"),
      port: Number(process.env.FLUX_TEST_PG_PORT ?? 54330),
      password: "flux-test-only",
    });
    serverUrl = embedded.url;
  }
  if (process.env.FLUX_REQUIRE_REDIS === "1" && !process.env.REDIS_URL) {
    throw new Error("FLUX_REQUIRE_REDIS=1 but REDIS_URL is not set");
  }
  const runId = `${Date.now().toString(36)}_${randomBytes(3).toString("hex")}`;
  const databaseUrl = withDatabase(serverUrl, `flux_it_${runId}`);
  const tenantDatabaseUrl = tenantDatabaseUrlFor(databaseUrl);
  const dataPlaneKey = randomBytes(32).toString("hex");
  // The gateway's read-only role (<database>_gateway) gets its password from the data-plane key.
  await migrateFluxSystem({ databaseUrl, tenantDatabaseUrl, dataPlaneKey });
  const artifactDir = mkdtempSync(path.join(os.tmpdir(), "flux-it-artifacts-"));

  Object.assign(process.env, {
    DATABASE_URL: databaseUrl,
    FLUX_TENANT_DATABASE_URL: tenantDatabaseUrl,
    FLUX_MASTER_KEY: randomBytes(32).toString("hex"),
    FLUX_DATA_PLANE_KEY: dataPlaneKey,
    FLUX_BRIDGE_SECRET: randomBytes(32).toString("hex"),
    NEXTAUTH_SECRET: randomBytes(32).toString("hex"),
    // Backup artifacts of this run, removed with its databases.
    FLUX_ARTIFACT_DIR: artifactDir,
  });

  return async () => {
    await dropTestDatabases(databaseUrl, tenantDatabaseUrl);
    rmSync(artifactDir, { recursive: true, force: true });
    await embedded?.stop();
  };
}
