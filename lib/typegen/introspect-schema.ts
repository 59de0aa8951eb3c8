import type pg from "pg";
import type { FunctionDescription, PgTypeRef, RelationDescription, SchemaDescription } from "./types";

/** Every type by oid, domains resolved to their base type, arrays with their element type. */
const TYPES = `
  select t.oid::int as oid, bt.typname as name, bt.typtype as kind, bn.nspname as schema,
         et.typname as elem_name, et.typtype as elem_kind
    from pg_catalog.pg_type t
    join pg_catalog.pg_type bt on bt.oid = case when t.typtype = 'd' then t.typbasetype else t.oid end
    join pg_catalog.pg_namespace bn on bn.oid = bt.typnamespace
    left join pg_catalog.pg_type et on et.oid = bt.typelem and bt.typcategory = 'A'
   where t.oid = any($1::oid[])`;

const RELATIONS = `
  select c.oid::int as oid, c.relname as name, c.relkind as relkind
    from pg_catalog.pg_class c join pg_catalog.pg_namespace n on n.oid = c.relnamespace
   where n.nspname = $1 and c.relkind in ('r', 'p', 'v', 'm', 'f')
   order by c.relname`;

const COLUMNS = `
  select a.attrelid::int as rel, a.attname as name, a.atttypid::int as type, not a.attnotnull as nullable,
         a.atthasdef as has_default, a.attidentity::text as identity, a.attgenerated::text as generated
    from pg_catalog.pg_attribute a
   where a.attrelid = any($1::oid[]) and a.attnum > 0 and not a.attisdropped
   order by a.attrelid, a.attnum`;

const FOREIGN_KEYS = `
  select con.conname as name, con.conrelid::int as rel, rf.relname as referenced,
         array(select a.attname::text from unnest(con.conkey) with ordinality k(num, ord)
                 join pg_catalog.pg_attribute a on a.attrelid = con.conrelid and a.attnum = k.num order by k.ord) as columns,
         array(select a.attname::text from unnest(con.confkey) with ordinality k(num, ord)
                 join pg_catalog.pg_attribute a on a.attrelid = con.confrelid and a.attnum = k.num order by k.ord) as referenced_columns,
         exists(select 1 from pg_catalog.pg_constraint u
                 where u.conrelid = con.conrelid and u.contype in ('p', 'u') and u.conkey @> con.conkey and u.conkey <@ con.conkey) as one_to_one
    from pg_catalog.pg_constraint con
    join pg_catalog.pg_class rf on rf.oid = con.confrelid
    join pg_catalog.pg_namespace rn on rn.oid = rf.relnamespace
   where con.contype = 'f' and con.conrelid = any($1::oid[]) and rn.nspname = $2
   order by con.conname`;

const FUNCTIONS = `
  select p.proname as name, p.proretset as returns_set, p.prorettype::int as returns, p.pronargdefaults as defaults,
         p.proargtypes::int[] as in_types, coalesce(p.proallargtypes::int[], p.proargtypes::int[]) as all_types,
         coalesce(p.proargnames, '{}') as arg_names, coalesce(p.proargmodes::text[], '{}') as arg_modes
    from pg_catalog.pg_proc p join pg_catalog.pg_namespace n on n.oid = p.pronamespace
   where n.nspname = $1 and p.prokind = 'f'
   order by p.proname, p.oid`;

type TypeRow = {
  oid: number;
  name: string;
  kind: string;
  schema: string;
  elem_name: string | null;
  elem_kind: string | null;
};
type FunctionRow = {
  name: string;
  returns_set: boolean;
  returns: number;
  defaults: number;
  in_types: number[];
  all_types: number[];
  arg_names: string[];
  arg_modes: string[];
};

/**
 * Reads the tables, views, functions and enums of one schema from the catalogs, on a connection the caller
 * chose (the tenant's API role, so it describes what the data API serves). Read-only.
 */
export async function introspectSchema(client: pg.Client, schema: string): Promise<SchemaDescription> {
  const relations = (await client.query<{ oid: number; name: string; relkind: string }>(RELATIONS, [schema])).rows;
  const oids = relations.map((r) => r.oid);
  const columns = (
    await client.query<{
      rel: number;
      name: string;
      type: number;
      nullable: boolean;
      has_default: boolean;
      identity: string;
      generated: string;
    }>(COLUMNS, [oids])
  ).rows;
  const keys = (
    await client.query<{
      name: string;
      rel: number;
      referenced: string;
      columns: string[];
      referenced_columns: string[];
      one_to_one: boolean;
    }>(FOREIGN_KEYS, [oids, schema])
  ).rows;
  const functions = (await client.query<FunctionRow>(FUNCTIONS, [schema])).rows;
  const enums = (
    await client.query<{ name: string; values: string[] }>(
      `select t.typname as name, array_agg(e.enumlabel::text order by e.enumsortorder) as values
         from pg_catalog.pg_enum e join pg_catalog.pg_type t on t.oid = e.enumtypid join pg_catalog.pg_namespace n on n.oid = t.typnamespace
        where n.nspname = $1 group by t.typname order by t.typname`,
      [schema],
    )
  ).rows;

  const typeOids = new Set<number>([
    ...columns.map((c) => c.type),
    ...functions.flatMap((f) => [f.returns, ...f.all_types]),
  ]);
  const typeRows = (await client.query<TypeRow>(TYPES, [[...typeOids]])).rows;
  const typeOf = typeResolver(typeRows);

  const described: RelationDescription[] = relations.map((r) => ({
    name: r.name,
    kind: r.relkind === "v" || r.relkind === "m" ? "view" : "table",
    columns: columns
      .filter((c) => c.rel === r.oid)
      .map((c) => ({
        name: c.name,
        type: typeOf(c.type),
        nullable: c.nullable,
        hasDefault: c.has_default,
        identity: c.identity,
        generated: c.generated,
      })),
    relationships: keys
      .filter((k) => k.rel === r.oid)
      .map((k) => ({
        foreignKeyName: k.name,
        columns: k.columns,
        referencedRelation: k.referenced,
        referencedColumns: k.referenced_columns,
        isOneToOne: k.one_to_one,
      })),
  }));
  return { schema, relations: described, functions: functions.map((f) => describeFunction(f, typeOf)), enums };
}

function typeResolver(rows: TypeRow[]): (oid: number) => PgTypeRef {
  const byOid = new Map(rows.map((row) => [row.oid, row]));
  return (oid) => {
    const row = byOid.get(oid);
    if (!row) return { name: "unknown", kind: "p", element: null, schema: "" };
    const element = row.elem_name ? { name: row.elem_name, kind: row.elem_kind ?? "b" } : null;
    return { name: row.name, kind: row.kind, element, schema: row.schema };
  };
}

function describeFunction(row: FunctionRow, typeOf: (oid: number) => PgTypeRef): FunctionDescription {
  const modes = row.arg_modes.length > 0 ? row.arg_modes : row.all_types.map(() => "i");
  const inputs = row.all_types
    .map((type, i) => ({ type, name: row.arg_names[i] ?? "", mode: modes[i] ?? "i" }))
    .filter((a) => ["i", "b", "v"].includes(a.mode));
  const outputs = row.all_types
    .map((type, i) => ({ type, name: row.arg_names[i] ?? "", mode: modes[i] ?? "i" }))
    .filter((a) => ["t", "o", "b"].includes(a.mode));
  const firstDefault = inputs.length - row.defaults;
  return {
    name: row.name,
    args: inputs.map((a, i) => ({ name: a.name, type: typeOf(a.type), hasDefault: i >= firstDefault })),
    returns: typeOf(row.returns),
    returnsSet: row.returns_set,
    tableColumns: modes.some((m) => m === "t" || m === "o")
      ? outputs.map((a) => ({ name: a.name, type: typeOf(a.type) }))
      : [],
  };
}
