import { drizzle, type NodePgDatabase } from "drizzle-orm/node-postgres";
import type { PgTransaction } from "drizzle-orm/pg-core";
import type { NodePgQueryResultHKT } from "drizzle-orm/node-postgres";
import type { ExtractTablesWithRelations } from "drizzle-orm";
import pg from "pg";
import * as schema from "@/drizzle/schema";

export type Schema = typeof schema;
export type Database = NodePgDatabase<Schema>;
export type Transaction = PgTransaction<NodePgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
/** Either a database handle or an open transaction: verbs accept both so callers can compose them. */
export type Executor = Database | Transaction;

export type DbHandle = { db: Database; pool: pg.Pool; close: () => Promise<void> };

/** A drizzle client over its own pool. A pool error is logged, never allowed to crash the process. */
export function createDb(databaseUrl: string, options: { max?: number; applicationName?: string } = {}): DbHandle {
  const pool = new pg.Pool({
    connectionString: databaseUrl,
    max: options.max ?? 10,
    application_name: options.applicationName ?? "flux",
    idleTimeoutMillis: 30_000,
    connectionTimeoutMillis: 5_000,
  });
  pool.on("error", (err) =>
    console.error(JSON.stringify({ level: "error", msg: "flux-system pool error", err: err.message })),
  );
  const db = drizzle(pool, { schema });
  return { db, pool, close: () => pool.end() };
}
