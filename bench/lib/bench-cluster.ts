import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { tenantDatabaseUrlFor, withDatabase } from "@/lib/config";
import { migrateFluxSystem } from "@/lib/db/migrate";
import { engineFor } from "@/lib/engines/registry";
import type { EngineProject, ProjectPlan, TenantCredentials, TenantEngine } from "@/lib/engines/types";
import { newTenantId } from "@/lib/tenancy";
import { dropTestDatabases } from "@/tests/setup/drop-test-databases";
import { stopAllServices } from "./service";

export type BenchTenant = { tenantId: string; project: EngineProject; credentials: TenantCredentials };

export type BenchEnv = Record<
  | "DATABASE_URL"
  | "FLUX_TENANT_DATABASE_URL"
  | "FLUX_MASTER_KEY"
  | "FLUX_DATA_PLANE_KEY"
  | "FLUX_BRIDGE_SECRET"
  | "NEXTAUTH_SECRET"
  | "FLUX_HOME",
  string
>;

export type BenchCluster = {
  /** The environment every Flux process of this run starts with (fresh secrets, its own databases). */
  env: BenchEnv;
  databaseUrl: string;
  tenantDatabaseUrl: string;
  engine: TenantEngine;
  provision(plan?: ProjectPlan): Promise<BenchTenant>;
  push(tenant: BenchTenant, name: string, sql: string): Promise<void>;
  /** Drops both databases and every tenant role that could connect to them (roles are cluster-global). */
  cleanup(): Promise<void>;
};

/**
 * Fresh flux-system and tenant databases on the PostgreSQL in BENCH_DATABASE_URL (default: the local
 * server), as the integration suite's global setup makes them, so a benchmark never touches real data.
 */
export async function createBenchCluster(label: string): Promise<BenchCluster> {
  const serverUrl = process.env.BENCH_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
  const runId = `${label}_${Date.now().toString(36)}_${randomBytes(2).toString("hex")}`;
  const databaseUrl = withDatabase(serverUrl, `flux_bench_${runId}`);
  const tenantDatabaseUrl = tenantDatabaseUrlFor(databaseUrl);
  const home = mkdtempSync(path.join(tmpdir(), "flux-bench-"));
  const env: BenchEnv = {
    DATABASE_URL: databaseUrl,
    FLUX_TENANT_DATABASE_URL: tenantDatabaseUrl,
    FLUX_MASTER_KEY: randomBytes(32).toString("hex"),
    FLUX_DATA_PLANE_KEY: randomBytes(32).toString("hex"),
    FLUX_BRIDGE_SECRET: randomBytes(32).toString("hex"),
    NEXTAUTH_SECRET: randomBytes(32).toString("hex"),
    // An empty FLUX_HOME: no .flux/runtime.json of a developer's `flux dev` leaks into the measured processes.
    FLUX_HOME: home,
  };
  const cleanupDatabases = () => dropTestDatabases(databaseUrl, tenantDatabaseUrl);
  try {
    await migrateFluxSystem({ databaseUrl, tenantDatabaseUrl, dataPlaneKey: env.FLUX_DATA_PLANE_KEY });
  } catch (error) {
    await cleanupDatabases().catch(() => undefined);
    throw error;
  }
  // One cleanup, however many paths ask for it: an interrupt also makes the script's own finally run.
  let cleaning: Promise<void> | undefined;
  const cleanupOnce = () =>
    (cleaning ??= (async () => {
      removeInterruptHandler();
      await stopAllServices();
      await cleanupDatabases();
      rmSync(home, { recursive: true, force: true });
    })());
  const removeInterruptHandler = cleanUpOnInterrupt(cleanupOnce);
  const engine = engineFor("v2_shared", {
    tenantAdminUrl: tenantDatabaseUrl,
    dataPlaneKey: env.FLUX_DATA_PLANE_KEY,
    systemDatabaseUrl: databaseUrl,
  });
  return {
    env,
    databaseUrl,
    tenantDatabaseUrl,
    engine,
    async provision(plan = "free") {
      const tenantId = newTenantId();
      const project: EngineProject = { tenantId, mode: "v2_shared", plan, clusterDatabaseUrl: tenantDatabaseUrl };
      await engine.provisionProject(project);
      return { tenantId, project, credentials: engine.getCredentials(project) };
    },
    async push(tenant, name, sql) {
      await engine.importSql(tenant.project, { name, sql, actorUserId: null });
    },
    cleanup: cleanupOnce,
  };
}

/** Ctrl-C or SIGTERM still stops the processes and drops the databases and roles, then exits with 130. */
function cleanUpOnInterrupt(cleanup: () => Promise<void>): () => void {
  const handler = (signal: NodeJS.Signals) => {
    process.stderr.write(`\n${signal}: stopping processes and dropping the benchmark's databases and roles…\n`);
    void cleanup()
      .catch((error: unknown) => process.stderr.write(`cleanup failed: ${String(error)}\n`))
      .finally(() => process.exit(130));
  };
  process.once("SIGINT", handler);
  process.once("SIGTERM", handler);
  return () => {
    process.off("SIGINT", handler);
    process.off("SIGTERM", handler);
  };
}
