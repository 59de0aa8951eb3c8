import type { Queryable } from "@/rest/schema-cache/load-schema";
import { deriveRelationships } from "./derive-relationships";
import type { Relationship } from "./types";
import { viewColumnOrigins } from "./view-columns";
import { type LocatedForeignKey, type LocatedUniqueKey, type ViewSource, viewKeys } from "./view-keys";

type CatalogRow = {
  name: string;
  kind: "f" | "p" | "u" | "v";
  table_name: string;
  columns: string[];
  table_oid: number;
  attnums: number[] | null;
  referenced_table: string | null;
  referenced_columns: string[] | null;
  referenced_oid: number | null;
  referenced_attnums: number[] | null;
  definition: string | null;
};

const columnNames = (
  relation: string,
  attnums: string,
) => `array(select a.attname from unnest(${attnums}) with ordinality k(attnum, ord)
               join pg_catalog.pg_attribute a on a.attrelid = ${relation} and a.attnum = k.attnum order by k.ord)::text[]`;

// Constraints whose tables both live in the tenant schema, and the schema's views with their rewrite rule (for
// the keys they inherit); pg_catalog is readable by the tenant's role. One query, on the schema load's connection.
const CATALOG_QUERY = `
select c.conname as name, c.contype::text as kind, t.relname as table_name, ${columnNames("c.conrelid", "c.conkey")} as columns,
       c.conrelid::int8 as table_oid, c.conkey::int[] as attnums,
       r.relname as referenced_table,
       case when c.contype = 'f' then ${columnNames("c.confrelid", "c.confkey")} end as referenced_columns,
       nullif(c.confrelid, 0)::int8 as referenced_oid, c.confkey::int[] as referenced_attnums, null::text as definition
  from pg_catalog.pg_constraint c
  join pg_catalog.pg_class t on t.oid = c.conrelid
  join pg_catalog.pg_namespace n on n.oid = t.relnamespace
  left join pg_catalog.pg_class r on r.oid = c.confrelid
  left join pg_catalog.pg_namespace rn on rn.oid = r.relnamespace
 where n.nspname = $1 and c.contype in ('f', 'p', 'u') and (c.contype <> 'f' or rn.nspname = $1)
union all
select v.relname, 'v', v.relname,
       array(select a.attname from pg_catalog.pg_attribute a where a.attrelid = v.oid and a.attnum > 0 order by a.attnum)::text[],
       v.oid::int8, null, null, null, null, null, w.ev_action::text
  from pg_catalog.pg_class v
  join pg_catalog.pg_namespace n on n.oid = v.relnamespace
  join pg_catalog.pg_rewrite w on w.ev_class = v.oid and w.rulename = '_RETURN'
 where n.nspname = $1 and v.relkind in ('v', 'm')
 order by 1`;

/**
 * Foreign, primary and unique keys of one schema, and those its views inherit from their base tables, in one
 * catalog query, turned into embeddable relationships.
 */
export async function loadRelationships(db: Queryable, schema: string): Promise<Relationship[]> {
  const { rows } = await db.query<CatalogRow>(CATALOG_QUERY, [schema]);
  const foreignKeys: LocatedForeignKey[] = [];
  const uniqueKeys: LocatedUniqueKey[] = [];
  const views: ViewSource[] = [];
  for (const row of rows) {
    const source = { oid: Number(row.table_oid), attnums: row.attnums ?? [] };
    if (row.kind === "v") {
      views.push({
        name: row.name,
        oid: source.oid,
        columns: row.columns,
        origins: viewColumnOrigins(row.definition ?? ""),
      });
    } else if (row.kind === "f" && row.referenced_table && row.referenced_columns) {
      foreignKeys.push({
        name: row.name,
        table: row.table_name,
        columns: row.columns,
        referencedTable: row.referenced_table,
        referencedColumns: row.referenced_columns,
        source,
        referenced: { oid: Number(row.referenced_oid), attnums: row.referenced_attnums ?? [] },
      });
    } else if (row.kind !== "f") {
      uniqueKeys.push({ table: row.table_name, columns: row.columns, primary: row.kind === "p", location: source });
    }
  }
  const inherited = viewKeys(foreignKeys, uniqueKeys, views);
  return deriveRelationships([...foreignKeys, ...inherited.foreignKeys], [...uniqueKeys, ...inherited.uniqueKeys]);
}
