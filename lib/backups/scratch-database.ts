import { randomBytes } from "node:crypto";
import pg from "pg";
import { withDatabase } from "@/lib/config";
import { quoteIdent } from "@/lib/engines/sql";
import { ensureSharedObjects } from "@/lib/engines/v2-shared/shared-objects";

/**
 * A disposable database on the tenant cluster for one verification: created with the shared objects tenant
 * SQL may reference (auth.uid() in policies), handed to `work`, and dropped afterwards whatever happened.
 * Tenant roles named in policies are cluster-wide, so they resolve here as they do in the tenant database.
 */
export async function withScratchDatabase<T>(
  adminUrl: string,
  work: (scratchUrl: string, client: pg.Client) => Promise<T>,
): Promise<T> {
  const name = `flux_verify_${randomBytes(6).toString("hex")}`;
  await adminQuery(adminUrl, `create database ${quoteIdent(name)}`);
  const scratchUrl = withDatabase(adminUrl, name);
  try {
    const client = new pg.Client({ connectionString: scratchUrl, application_name: "flux-backup-verify" });
    await client.connect();
    try {
      await client.query("begin");
      await ensureSharedObjects(client);
      await client.query("commit");
      return await work(scratchUrl, client);
    } finally {
      await client.end().catch(() => undefined);
    }
  } finally {
    await adminQuery(adminUrl, `drop database if exists ${quoteIdent(name)} with (force)`);
  }
}

async function adminQuery(adminUrl: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl, application_name: "flux-backup-verify" });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}
