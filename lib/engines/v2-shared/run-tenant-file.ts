import type pg from "pg";
import { quoteIdent } from "@/lib/engines/sql";
import type { AppliedSql, ProjectPlan } from "@/lib/engines/types";
import type { PushLimits } from "./guardrails";
import { explainPushLimit } from "./push-timeouts";
import { isPgError, TenantSqlError } from "./tenant-sql-error";
import { findTransactionControl } from "./transaction-control";

export type TenantFile = { name: string; sql: string };
/** The plan whose push limits apply, so an error they caused can name them. */
export type PushRules = { plan: ProjectPlan; limits: PushLimits };
export type HistoryEntry = { version: string; name: string; checksum: string; sql: string; actorUserId: string | null };

type HistoryRow = { version: string; name: string; checksum: string; applied_at: Date };
export const toAppliedSql = (row: HistoryRow): AppliedSql => ({
  version: row.version,
  name: row.name,
  checksum: row.checksum,
  appliedAt: row.applied_at,
});

/**
 * Runs one tenant file inside the caller's open transaction on an owner-role connection. Everything after
 * the SQL is schema-qualified because the file may change search_path; the caller commits or rolls back.
 */
export async function runTenantFile(
  client: pg.Client,
  schema: string,
  file: TenantFile,
  rules: PushRules,
): Promise<void> {
  refuseTransactionControl(file);
  await client.query(`set local search_path = ${quoteIdent(schema)}`);
  const before = await currentTransaction(client);
  try {
    await client.query(file.sql);
  } catch (error) {
    throw isPgError(error)
      ? new TenantSqlError(file.name, file.sql, error, explainPushLimit(error, rules.plan, rules.limits))
      : error;
  }
  // Second line of defence behind the scanner: the file must still be inside the transaction we opened.
  if ((await currentTransaction(client)) !== before) throw transactionControlError(file);
}

/** Writes the history row (as the owner role: forced RLS stamps and checks owner_role) in the same transaction. */
export async function insertHistoryRow(client: pg.Client, entry: HistoryEntry): Promise<AppliedSql> {
  const { rows } = await client.query<HistoryRow>(
    `insert into flux_meta.schema_migrations (version, name, checksum, sql, actor_user_id)
     values ($1, $2, $3, $4, $5) returning version, name, checksum, applied_at`,
    [entry.version, entry.name, entry.checksum, entry.sql, entry.actorUserId],
  );
  const row = rows[0];
  if (!row) throw new Error("The SQL history row was not written; the push was rolled back.");
  return toAppliedSql(row);
}

/** PostgREST-compatible data APIs reload this schema's cache when the transaction commits. */
export async function notifySchemaChanged(client: pg.Client, schema: string): Promise<void> {
  await client.query("select pg_catalog.pg_notify('pgrst', $1)", [schema]);
}

const TRANSACTION_CONTROL_MESSAGE =
  "Flux runs each file in one transaction of its own, so it must not end or restart it; remove COMMIT, ROLLBACK, BEGIN, END, ABORT, START TRANSACTION and PREPARE TRANSACTION";

function refuseTransactionControl(file: TenantFile): void {
  const found = findTransactionControl(file.sql);
  if (found) throw transactionControlError(file, found.statement, found.position);
}

function transactionControlError(file: TenantFile, statement = "a transaction control statement", position?: number) {
  return new TenantSqlError(file.name, file.sql, {
    code: "25000",
    message: `${statement} ends or restarts the transaction. ${TRANSACTION_CONTROL_MESSAGE}`,
    position: position === undefined ? undefined : String(position),
  });
}

async function currentTransaction(client: pg.Client): Promise<string> {
  const { rows } = await client.query<{ xid: string }>("select pg_catalog.txid_current()::text as xid");
  return rows[0]?.xid ?? "";
}
