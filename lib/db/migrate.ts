import path from "node:path";
import { migrate } from "drizzle-orm/node-postgres/migrator";
import { sql } from "drizzle-orm";
import pg from "pg";
import { databaseNameOf } from "@/lib/config";
import { quoteIdent } from "@/lib/engines/sql";
import { clusters } from "@/drizzle/schema";
import { createDb } from "./client";
import { ensureDatabase } from "./ensure-database";
import { ensureGatewayRole } from "./gateway-role";

const MIGRATIONS_FOLDER = path.join(process.cwd(), "drizzle", "migrations");

/**
 * Brings flux-system and the default tenant cluster to the current schema: creates both databases if
 * needed, applies the committed drizzle migrations, hardens the tenant database, registers it as the `local`
 * cluster and (re)creates the gateway's read-only role, whose password derives from `dataPlaneKey`
 * (FLUX_DATA_PLANE_KEY). Safe to run on every start.
 */
export async function migrateFluxSystem(options: {
  databaseUrl: string;
  tenantDatabaseUrl: string;
  dataPlaneKey: string;
}): Promise<void> {
  await ensureDatabase(options.databaseUrl);
  await ensureDatabase(options.tenantDatabaseUrl);
  await hardenTenantDatabase(options.tenantDatabaseUrl);
  const handle = createDb(options.databaseUrl, { max: 1, applicationName: "flux-migrate" });
  try {
    await handle.db.execute(sql`select pg_advisory_lock(7243001)`);
    await migrate(handle.db, { migrationsFolder: MIGRATIONS_FOLDER });
    await handle.db
      .insert(clusters)
      .values({ id: "local", databaseUrl: withoutPassword(options.tenantDatabaseUrl) })
      .onConflictDoUpdate({ target: clusters.id, set: { databaseUrl: withoutPassword(options.tenantDatabaseUrl) } });
    const client = await handle.pool.connect();
    try {
      await ensureGatewayRole(client, options);
      // Only the owner and the roles granted CONNECT (the gateway's) may log in here: a tenant role that
      // learned a password of its own must not reach flux-system, where the control-plane locks live.
      await client.query(`revoke all on database ${quoteIdent(databaseNameOf(options.databaseUrl))} from public`);
    } finally {
      client.release();
    }
    await handle.db.execute(sql`select pg_advisory_unlock(7243001)`);
  } finally {
    await handle.close();
  }
}

/**
 * Nobody but a tenant's own roles may connect to the tenant database, and nobody may use `public` there:
 * each tenant sees exactly its own schema.
 */
async function hardenTenantDatabase(tenantDatabaseUrl: string): Promise<void> {
  const client = new pg.Client({ connectionString: tenantDatabaseUrl });
  await client.connect();
  try {
    const db = quoteIdent(databaseNameOf(tenantDatabaseUrl));
    await client.query(`revoke all on database ${db} from public`);
    await client.query("revoke all on schema public from public");
  } finally {
    await client.end();
  }
}

function withoutPassword(databaseUrl: string): string {
  const url = new URL(databaseUrl);
  url.password = "";
  return url.toString();
}
