import { loadRelationships } from "@/rest/relationships/load-relationships";
import { loadFunctions } from "./load-functions";
import type { ColumnInfo, SchemaSnapshot, TableInfo } from "./types";

/** Anything that can run one parameterised query: the request's pooled client. */
export type Queryable = {
  query<R extends object>(text: string, values: unknown[]): Promise<{ rows: R[] }>;
};

type CatalogRow = {
  table_name: string;
  relkind: string;
  column_name: string | null;
  data_type: string | null;
  not_null: boolean | null;
  has_default: boolean | null;
  primary_key: boolean | null;
};

// Reads only pg_catalog, which every role may read, so it runs on the tenant's own login.
const CATALOG_QUERY = `
select c.relname as table_name, c.relkind::text as relkind, a.attname as column_name,
       pg_catalog.format_type(a.atttypid, a.atttypmod) as data_type, a.attnotnull as not_null,
       a.atthasdef as has_default, coalesce(a.attnum = any(i.indkey), false) as primary_key
  from pg_catalog.pg_class c
  join pg_catalog.pg_namespace n on n.oid = c.relnamespace
  left join pg_catalog.pg_attribute a on a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped
  left join pg_catalog.pg_index i on i.indrelid = c.oid and i.indisprimary
 where n.nspname = $1 and c.relkind in ('r', 'v', 'm', 'f', 'p')
 order by c.relname, a.attnum`;

const KINDS: Readonly<Record<string, TableInfo["kind"]>> = {
  r: "table",
  v: "view",
  m: "materialized_view",
  f: "foreign_table",
  p: "partitioned_table",
};

/** Tables, views and their columns (types, primary keys) of one schema, its functions and relationships. */
export async function loadSchema(db: Queryable, schema: string): Promise<SchemaSnapshot> {
  const { rows } = await db.query<CatalogRow>(CATALOG_QUERY, [schema]);
  const tables = new Map<string, TableInfo>();
  for (const row of rows) {
    let table = tables.get(row.table_name);
    if (!table) {
      table = { schema, name: row.table_name, kind: KINDS[row.relkind] ?? "table", columns: new Map() };
      tables.set(row.table_name, table);
    }
    if (row.column_name === null) continue;
    const column: ColumnInfo = {
      name: row.column_name,
      dataType: row.data_type ?? "unknown",
      notNull: row.not_null ?? false,
      hasDefault: row.has_default ?? false,
      primaryKey: row.primary_key ?? false,
    };
    table.columns.set(column.name, column);
  }
  const functions = await loadFunctions(db, schema);
  return { schema, tables, functions, relationships: await loadRelationships(db, schema), loadedAt: Date.now() };
}
