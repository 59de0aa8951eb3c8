import pg from "pg";
import { databaseNameOf, withDatabase } from "@/lib/config";
import { gatewayRoleName } from "@/lib/db/gateway-role";
import { quoteIdent } from "@/lib/engines/sql";

/**
 * Drops a test run's databases, every tenant role that was granted CONNECT on its tenant database, and the
 * run's gateway role.
 */
export async function dropTestDatabases(databaseUrl: string, tenantDatabaseUrl: string): Promise<void> {
  const admin = new pg.Client({ connectionString: withDatabase(databaseUrl, "postgres") });
  await admin.connect();
  try {
    const tenantDb = databaseNameOf(tenantDatabaseUrl);
    const roles = await admin.query<{ rolname: string }>(
      `select r.rolname from pg_roles r
        where r.rolname ~ '^t_[0-9a-f]{12}_(role|owner)$'
          and has_database_privilege(r.oid, (select oid from pg_database where datname = $1), 'CONNECT')`,
      [tenantDb],
    );
    for (const db of [databaseNameOf(databaseUrl), tenantDb]) {
      await admin.query(`drop database if exists ${quoteIdent(db)} with (force)`);
    }
    for (const { rolname } of [...roles.rows, { rolname: gatewayRoleName(databaseUrl) }]) {
      await admin.query(`drop role if exists ${quoteIdent(rolname)}`);
    }
  } finally {
    await admin.end();
  }
}
