import type pg from "pg";
import { MigrationLockLostError } from "@/lib/engines/migration-lock-lost-error";
import type { AppliedSql, MigrationSession, MigrationToRun, TenantCredentials } from "@/lib/engines/types";
import { withAdminTransaction } from "./admin-connection";
import { advisoryLockKey } from "./advisory-lock-key";
import { ownerClient } from "./import-sql";
import { insertHistoryRow, notifySchemaChanged, runTenantFile, toAppliedSql } from "./run-tenant-file";

/**
 * A push's session on one owner-role connection. A session-level advisory lock (the tenant's key, the same
 * one provisioning, deletion and importSql take) serialises whole pushes of one project; each file also takes
 * the transaction-level lock, which tenant SQL cannot release (pg_advisory_unlock_all frees session locks
 * only), and the history's unique (owner_role, version) makes a second application of a version fail.
 */
export async function withTenantMigrationSession<T>(
  credentials: TenantCredentials,
  adminUrl: string,
  work: (session: MigrationSession) => Promise<T>,
): Promise<T> {
  const client = ownerClient(credentials);
  await client.connect();
  const key = advisoryLockKey(credentials.tenantId);
  try {
    await client.query("select pg_catalog.pg_advisory_lock($1::bigint)", [key]);
    return await work(sessionOn(client, credentials, adminUrl, key));
  } finally {
    // Ending the connection releases the session lock even if a query is still failing.
    await client.end();
  }
}

function sessionOn(client: pg.Client, credentials: TenantCredentials, adminUrl: string, key: string): MigrationSession {
  const inTransaction = async <T>(work: () => Promise<T>, finish: "commit" | "rollback"): Promise<T> => {
    await requireSessionLock(client, key);
    await client.query("begin");
    try {
      await client.query("select pg_catalog.pg_advisory_xact_lock($1::bigint)", [key]);
      const result = await work();
      await client.query(finish);
      return result;
    } catch (error) {
      await client.query("rollback").catch(() => undefined);
      throw error;
    }
  };
  const runAndRecord = async (file: MigrationToRun, actorUserId: string | null): Promise<AppliedSql> => {
    await runTenantFile(client, credentials.schema, { name: file.fileName, sql: file.sql });
    return insertHistoryRow(client, {
      version: file.version,
      name: file.name,
      checksum: file.checksum,
      sql: file.sql,
      actorUserId,
    });
  };

  return {
    async history() {
      const { rows } = await client.query<{ version: string; name: string; checksum: string; applied_at: Date }>(
        "select version, name, checksum, applied_at from flux_meta.schema_migrations order by id",
      );
      return rows.map(toAppliedSql);
    },
    apply: (file, actorUserId) =>
      inTransaction(async () => {
        const applied = await runAndRecord(file, actorUserId);
        await notifySchemaChanged(client, credentials.schema);
        return applied;
      }, "commit"),
    rehearse: (files, actorUserId) =>
      inTransaction(async () => {
        for (const file of files) await runAndRecord(file, actorUserId);
      }, "rollback"),
    async acceptChangedFile(file) {
      // The owner role may only insert history rows (decision 0002); this bookkeeping update binds every
      // value and touches one row of this tenant, so it runs as the cluster superuser.
      await withAdminTransaction(adminUrl, async (admin) => {
        const result = await admin.query(
          "update flux_meta.schema_migrations set checksum = $1, sql = $2 where owner_role = $3 and version = $4",
          [file.checksum, file.sql, credentials.ownerRole, file.version],
        );
        if (result.rowCount !== 1)
          throw new Error(
            `Migration ${file.version} is not in the history of ${credentials.schema}; nothing was re-recorded.`,
          );
      });
    },
  };
}

/**
 * A file may have run pg_advisory_unlock_all(), releasing the session lock. Taking it again succeeds when we still
 * hold it (it is re-entrant) or nobody does; it fails only when another push got in between, and then this push
 * stops rather than run files alongside it.
 */
async function requireSessionLock(client: pg.Client, key: string): Promise<void> {
  const { rows } = await client.query<{ locked: boolean }>(
    "select pg_catalog.pg_try_advisory_lock($1::bigint) as locked",
    [key],
  );
  if (rows[0]?.locked !== true) throw new MigrationLockLostError();
}
