import type { Queryable } from "@/rest/schema-cache/load-schema";
import { deriveRelationships } from "./derive-relationships";
import type { ForeignKey, Relationship, UniqueKey } from "./types";

type ConstraintRow = {
  name: string;
  kind: "f" | "p" | "u";
  table_name: string;
  columns: string[];
  referenced_table: string | null;
  referenced_columns: string[] | null;
};

// Only constraints whose tables both live in the tenant schema; pg_catalog is readable by the tenant's role.
const CONSTRAINTS_QUERY = `
select c.conname as name, c.contype::text as kind, t.relname as table_name,
       array(select a.attname from unnest(c.conkey) with ordinality k(attnum, ord)
               join pg_catalog.pg_attribute a on a.attrelid = c.conrelid and a.attnum = k.attnum order by k.ord)::text[] as columns,
       r.relname as referenced_table,
       case when c.contype = 'f' then
         array(select a.attname from unnest(c.confkey) with ordinality k(attnum, ord)
                 join pg_catalog.pg_attribute a on a.attrelid = c.confrelid and a.attnum = k.attnum order by k.ord)::text[]
       end as referenced_columns
  from pg_catalog.pg_constraint c
  join pg_catalog.pg_class t on t.oid = c.conrelid
  join pg_catalog.pg_namespace n on n.oid = t.relnamespace
  left join pg_catalog.pg_class r on r.oid = c.confrelid
  left join pg_catalog.pg_namespace rn on rn.oid = r.relnamespace
 where n.nspname = $1 and c.contype in ('f', 'p', 'u') and (c.contype <> 'f' or rn.nspname = $1)
 order by c.conname`;

/** Foreign, primary and unique keys of one schema in one catalog query, turned into embeddable relationships. */
export async function loadRelationships(db: Queryable, schema: string): Promise<Relationship[]> {
  const { rows } = await db.query<ConstraintRow>(CONSTRAINTS_QUERY, [schema]);
  const foreignKeys: ForeignKey[] = [];
  const uniqueKeys: UniqueKey[] = [];
  for (const row of rows) {
    if (row.kind === "f" && row.referenced_table && row.referenced_columns) {
      foreignKeys.push({
        name: row.name,
        table: row.table_name,
        columns: row.columns,
        referencedTable: row.referenced_table,
        referencedColumns: row.referenced_columns,
      });
    } else if (row.kind !== "f") {
      uniqueKeys.push({ table: row.table_name, columns: row.columns, primary: row.kind === "p" });
    }
  }
  return deriveRelationships(foreignKeys, uniqueKeys);
}
