import { quoteIdent } from "@/lib/engines/sql";
import type { Lint } from "../types";

const q = quoteIdent;

export const tablesWithoutPrimaryKey: Lint = {
  name: "table_without_primary_key",
  level: "info",
  category: "performance",
  async run(client, { schema }) {
    const { rows } = await client.query<{ name: string }>(
      `select c.relname as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
        where n.nspname = $1 and c.relkind in ('r', 'p')
          and not exists (select 1 from pg_constraint k where k.conrelid = c.oid and k.contype = 'p')
        order by 1`,
      [schema],
    );
    return rows.map((row) => ({
      object: `${schema}.${row.name}`,
      message: `${row.name} has no primary key: updates and deletes by row cannot be addressed reliably, and embeds cannot use it`,
      remediation: `alter table ${q(schema)}.${q(row.name)} add column id bigint generated always as identity primary key;`,
    }));
  },
};

export const unindexedForeignKeys: Lint = {
  name: "unindexed_foreign_key",
  level: "info",
  category: "performance",
  async run(client, { schema }) {
    const { rows } = await client.query<{ table_name: string; constraint_name: string; columns: string[] }>(
      `select c.relname as table_name, k.conname as constraint_name,
              array(select a.attname from unnest(k.conkey) with ordinality u(attnum, i)
                      join pg_attribute a on a.attrelid = k.conrelid and a.attnum = u.attnum order by u.i)::text[] as columns
         from pg_constraint k join pg_class c on c.oid = k.conrelid join pg_namespace n on n.oid = c.relnamespace
        where n.nspname = $1 and k.contype = 'f'
          and not exists (
            select 1 from pg_index i
             where i.indrelid = k.conrelid
               and (i.indkey::int2[])[0:cardinality(k.conkey) - 1] @> k.conkey
               and (i.indkey::int2[])[0:cardinality(k.conkey) - 1] <@ k.conkey)
        order by 1, 2`,
      [schema],
    );
    return rows.map((row) => ({
      object: `${schema}.${row.table_name}.${row.constraint_name}`,
      message: `Foreign key ${row.constraint_name} (${row.columns.join(", ")}) has no index: embeds and deletes on the referenced table scan ${row.table_name}`,
      remediation: `create index on ${q(schema)}.${q(row.table_name)} (${row.columns.map(q).join(", ")});`,
    }));
  },
};

export const objectsInPublic: Lint = {
  name: "object_in_public",
  level: "warn",
  category: "security",
  async run(client, { schema, role, ownerRole }) {
    const { rows } = await client.query<{ name: string; kind: string }>(
      `select c.relname as name, c.relkind::text as kind from pg_class c join pg_namespace n on n.oid = c.relnamespace
        where n.nspname = 'public' and c.relkind in ('r', 'p', 'v', 'm', 'S', 'f')
          and (pg_get_userbyid(c.relowner) in ($1, $2) or has_table_privilege($2, c.oid, 'SELECT'))
        order by 1`,
      [ownerRole, role],
    );
    return rows.map((row) => ({
      object: `public.${row.name}`,
      message: `public.${row.name} belongs to or is readable by this project, but the data API only serves ${schema}: it was probably created in public by mistake`,
      remediation: `alter ${row.kind === "S" ? "sequence" : row.kind === "v" || row.kind === "m" ? "view" : "table"} public.${q(row.name)} set schema ${q(schema)};`,
    }));
  },
};

export const unusableByTenantRole: Lint = {
  name: "tenant_role_cannot_use",
  level: "warn",
  category: "security",
  async run(client, { schema, role }) {
    const { rows } = await client.query<{ name: string; kind: string }>(
      `select c.relname as name, c.relkind::text as kind from pg_class c join pg_namespace n on n.oid = c.relnamespace
        where n.nspname = $1
          and ((c.relkind in ('r', 'p', 'v', 'm', 'f') and not has_table_privilege($2, c.oid, 'SELECT, INSERT, UPDATE, DELETE'))
            or (c.relkind = 'S' and not has_sequence_privilege($2, c.oid, 'USAGE')))
        order by 1`,
      [schema, role],
    );
    return rows.map((row) => ({
      object: `${schema}.${row.name}`,
      message: `The API role ${role} cannot use ${row.kind === "S" ? "sequence" : "table"} ${row.name}: requests answer 42501 permission denied`,
      remediation:
        row.kind === "S"
          ? `grant usage, select on sequence ${q(schema)}.${q(row.name)} to ${q(role)};`
          : `grant select, insert, update, delete on table ${q(schema)}.${q(row.name)} to ${q(role)};`,
    }));
  },
};
