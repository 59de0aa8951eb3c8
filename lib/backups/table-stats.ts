import type pg from "pg";
import type { BackupTableStat } from "@/drizzle/schema";
import { quoteIdent } from "@/lib/engines/sql";

/**
 * Row count and an order-independent content hash (md5 over the sorted md5s of each row's text form) of
 * every table in `schema`, read in the caller's transaction — so, taken in the dump's exported snapshot,
 * they describe exactly the rows the archive holds. A row count alone misses a changed value; this does not.
 */
export async function tableStatsOf(client: pg.Client, schema: string): Promise<BackupTableStat[]> {
  const { rows: tables } = await client.query<{ name: string }>(
    `select c.relname as name from pg_catalog.pg_class c join pg_catalog.pg_namespace n on n.oid = c.relnamespace
      where n.nspname = $1 and c.relkind in ('r', 'p') order by c.relname`,
    [schema],
  );
  const stats: BackupTableStat[] = [];
  for (const { name } of tables) {
    const qualified = `${quoteIdent(schema)}.${quoteIdent(name)}`;
    const { rows } = await client.query<{ rows: string; hash: string }>(
      `select count(*)::text as rows, pg_catalog.md5(coalesce(string_agg(h, '' order by h), '')) as hash
         from (select pg_catalog.md5(t::text) as h from only ${qualified} t) s`,
    );
    stats.push({ table: name, rows: Number(rows[0]?.rows ?? 0), contentHash: rows[0]?.hash ?? "" });
  }
  return stats;
}

/** Differences between what was recorded at dump time and what a restore produced, one line each. */
export function diffTableStats(recorded: BackupTableStat[], restored: BackupTableStat[]): string[] {
  const after = new Map(restored.map((s) => [s.table, s]));
  const problems: string[] = [];
  for (const before of recorded) {
    const found = after.get(before.table);
    if (!found) problems.push(`table ${before.table} is missing after restore`);
    else if (found.rows !== before.rows)
      problems.push(`table ${before.table}: ${found.rows} rows restored, ${before.rows} recorded`);
    else if (found.contentHash !== before.contentHash)
      problems.push(
        `table ${before.table}: same row count (${found.rows}) but the content hash differs from the one recorded`,
      );
  }
  const known = new Set(recorded.map((s) => s.table));
  for (const s of restored)
    if (!known.has(s.table)) problems.push(`table ${s.table} appeared after restore but was not recorded`);
  return problems;
}
