import { execFile } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import pg from "pg";
import { redactUrl } from "@/lib/config";
import { fail, pass, warn, type DoctorRow } from "./types";

const run = promisify(execFile);

async function query<T extends pg.QueryResultRow>(url: string, sql: string): Promise<T[]> {
  const client = new pg.Client({
    connectionString: url,
    connectionTimeoutMillis: 3_000,
    application_name: "flux-doctor",
  });
  await client.connect();
  try {
    return (await client.query<T>(sql)).rows;
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** flux-system answers, and holds every migration this checkout ships (drizzle's journal vs its ledger). */
export async function checkFluxSystem(
  databaseUrl: string,
  migrationsFolder = path.join(process.cwd(), "drizzle", "migrations"),
): Promise<DoctorRow[]> {
  let applied: number;
  try {
    const rows = await query<{ n: number }>(databaseUrl, "select count(*)::int as n from drizzle.__drizzle_migrations");
    applied = rows[0]?.n ?? 0;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    if (/does not exist/.test(message))
      return [
        pass("flux_system", `reachable at ${redactUrl(databaseUrl)}`),
        fail("flux_system_migrated", "no migration has run: flux admin migrate"),
      ];
    return [fail("flux_system", `cannot reach ${redactUrl(databaseUrl)}: ${message}`)];
  }
  let shipped: number;
  try {
    shipped = (
      JSON.parse(readFileSync(path.join(migrationsFolder, "meta", "_journal.json"), "utf8")) as { entries: unknown[] }
    ).entries.length;
  } catch {
    return [
      pass("flux_system", `reachable at ${redactUrl(databaseUrl)}`),
      warn(
        "flux_system_migrated",
        `${applied} migrations applied; run from the repository root to compare with the shipped ones`,
      ),
    ];
  }
  const migrated =
    applied >= shipped
      ? pass("flux_system_migrated", `${applied} of ${shipped} migrations applied`)
      : fail("flux_system_migrated", `${applied} of ${shipped} migrations applied: run flux admin migrate`);
  return [pass("flux_system", `reachable at ${redactUrl(databaseUrl)}`), migrated];
}

/** pg_dump / pg_restore must be at least the server's major version (an older pg_dump refuses a newer server). */
export async function checkPgTools(tenantDatabaseUrl: string): Promise<DoctorRow[]> {
  let serverMajor: number;
  try {
    const rows = await query<{ v: string }>(tenantDatabaseUrl, "select current_setting('server_version_num') as v");
    serverMajor = Math.floor(Number(rows[0]?.v ?? 0) / 10_000);
  } catch (error) {
    return [
      fail(
        "pg_versions",
        `cannot reach the tenant cluster ${redactUrl(tenantDatabaseUrl)}: ${error instanceof Error ? error.message : String(error)}`,
      ),
    ];
  }
  const rows: DoctorRow[] = [];
  for (const tool of ["pg_dump", "pg_restore"]) {
    try {
      const { stdout } = await run(tool, ["--version"], { timeout: 5_000 });
      const major = Number(/(\d+)(?:\.\d+)?/.exec(stdout)?.[1] ?? 0);
      rows.push(
        major >= serverMajor
          ? pass(tool, `${stdout.trim()} (server ${serverMajor})`)
          : fail(
              tool,
              `${stdout.trim()} is older than the server (${serverMajor}): install postgresql-client-${serverMajor}`,
            ),
      );
    } catch {
      rows.push(
        warn(tool, `${tool} not found on PATH: backups cannot run here (install postgresql-client-${serverMajor})`),
      );
    }
  }
  return rows;
}
