import { createHash } from "node:crypto";
import pg from "pg";
import { quoteIdent } from "@/lib/engines/sql";
import type { AppliedSql, TenantCredentials } from "@/lib/engines/types";
import { advisoryLockKey } from "./advisory-lock-key";
import { isPgError, TenantSqlError } from "./tenant-sql-error";
import { findTransactionControl } from "./transaction-control";

export type ImportSqlInput = { name: string; sql: string; actorUserId: string | null };

type HistoryRow = { version: string; name: string; checksum: string; applied_at: Date };
export const toAppliedSql = (row: HistoryRow): AppliedSql => ({
  version: row.version,
  name: row.name,
  checksum: row.checksum,
  appliedAt: row.applied_at,
});

/**
 * Runs tenant SQL logged in as the tenant's owner role (never a superuser with SET ROLE, which `RESET ROLE`
 * would undo), in one transaction with its history row. The owner can create objects only in the schema it
 * owns, so the file cannot reach outside it. Everything after the SQL is schema-qualified because the
 * file may change search_path.
 */
export async function importTenantSql(credentials: TenantCredentials, input: ImportSqlInput): Promise<AppliedSql> {
  refuseTransactionControl(input);
  const client = new pg.Client({ connectionString: credentials.ownerDatabaseUrl, application_name: "flux-migrate" });
  await client.connect();
  try {
    await client.query("begin");
    await client.query("select pg_catalog.pg_advisory_xact_lock($1::bigint)", [advisoryLockKey(credentials.tenantId)]);
    await client.query(`set local search_path = ${quoteIdent(credentials.schema)}`);
    const before = await currentTransaction(client);
    try {
      await client.query(input.sql);
    } catch (error) {
      throw isPgError(error) ? new TenantSqlError(input.name, input.sql, error) : error;
    }
    // Second line of defence behind the scanner: the file must still be inside the transaction we opened.
    if ((await currentTransaction(client)) !== before) throw transactionControlError(input);
    const applied = await recordHistory(client, input);
    // PostgREST-compatible data APIs reload this schema's cache when the transaction commits.
    await client.query("select pg_catalog.pg_notify('pgrst', $1)", [credentials.schema]);
    await client.query("commit");
    return applied;
  } catch (error) {
    await client.query("rollback").catch(() => undefined);
    throw error;
  } finally {
    await client.end();
  }
}

const TRANSACTION_CONTROL_MESSAGE =
  "Flux runs each file in one transaction of its own, so it must not end or restart it; remove COMMIT, ROLLBACK, BEGIN, END, ABORT, START TRANSACTION and PREPARE TRANSACTION";

function refuseTransactionControl(input: ImportSqlInput): void {
  const found = findTransactionControl(input.sql);
  if (found) throw transactionControlError(input, found.statement, found.position);
}

function transactionControlError(input: ImportSqlInput, statement = "a transaction control statement", position?: number) {
  return new TenantSqlError(input.name, input.sql, {
    code: "25000",
    message: `${statement} ends or restarts the transaction. ${TRANSACTION_CONTROL_MESSAGE}`,
    position: position === undefined ? undefined : String(position),
  });
}

async function currentTransaction(client: pg.Client): Promise<string> {
  const { rows } = await client.query<{ xid: string }>("select pg_catalog.txid_current()::text as xid");
  return rows[0]?.xid ?? "";
}

async function recordHistory(client: pg.Client, input: ImportSqlInput): Promise<AppliedSql> {
  // Computed after the advisory lock, so concurrent pushes of one tenant get consecutive versions.
  const last = await client.query<{ last: number | null }>(
    "select max(version::int) as last from flux_meta.schema_migrations where version ~ '^[0-9]{1,9}$'",
  );
  const version = String((last.rows[0]?.last ?? 0) + 1).padStart(4, "0");
  const checksum = createHash("sha256").update(input.sql, "utf8").digest("hex");
  const { rows } = await client.query<HistoryRow>(
    `insert into flux_meta.schema_migrations (version, name, checksum, sql, actor_user_id)
     values ($1, $2, $3, $4, $5) returning version, name, checksum, applied_at`,
    [version, input.name, checksum, input.sql, input.actorUserId],
  );
  const row = rows[0];
  if (!row) throw new Error("The SQL history row was not written; the push was rolled back.");
  return toAppliedSql(row);
}

export async function listTenantSql(credentials: TenantCredentials): Promise<AppliedSql[]> {
  const client = new pg.Client({ connectionString: credentials.ownerDatabaseUrl, application_name: "flux-migrate" });
  await client.connect();
  try {
    // Forced RLS returns only this owner role's rows.
    const { rows } = await client.query<HistoryRow>(
      "select version, name, checksum, applied_at from flux_meta.schema_migrations order by version, id",
    );
    return rows.map(toAppliedSql);
  } finally {
    await client.end();
  }
}
