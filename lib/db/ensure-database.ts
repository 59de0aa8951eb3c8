import pg from "pg";
import { databaseNameOf, redactUrl, withDatabase } from "@/lib/config";
import { quoteIdent } from "@/lib/engines/sql";

/** Creates the database named by the URL if it does not exist yet (connecting to the server's `postgres` db). */
export async function ensureDatabase(databaseUrl: string): Promise<void> {
  const name = databaseNameOf(databaseUrl);
  const admin = new pg.Client({ connectionString: withDatabase(databaseUrl, "postgres") });
  try {
    await admin.connect();
  } catch (err) {
    throw new Error(`Cannot reach PostgreSQL at ${redactUrl(databaseUrl)}: ${(err as Error).message}`);
  }
  try {
    const found = await admin.query("select 1 from pg_database where datname = $1", [name]);
    if (found.rowCount === 0) {
      try {
        await admin.query(`create database ${quoteIdent(name)}`);
      } catch (err) {
        // Another process may have created it between our check and our create.
        if ((err as { code?: string }).code !== "42P04") throw err;
      }
    }
  } finally {
    await admin.end();
  }
}
