import { quoteIdent } from "@/lib/engines/sql";
import type { Lint } from "../types";

const q = quoteIdent;

export const securityDefinerFunctions: Lint = {
  name: "security_definer_function",
  level: "warn",
  category: "security",
  async run(client, { schema }) {
    const { rows } = await client.query<{ signature: string }>(
      `select p.oid::regprocedure::text as signature from pg_proc p join pg_namespace n on n.oid = p.pronamespace
        where n.nspname = $1 and p.prosecdef order by 1`,
      [schema],
    );
    return rows.map((row) => ({
      object: row.signature,
      message: `${row.signature} runs with its owner's privileges (SECURITY DEFINER), bypassing the caller's grants and RLS`,
      remediation: `alter function ${row.signature} security invoker;`,
    }));
  },
};

export const securityDefinerViews: Lint = {
  name: "security_definer_view",
  level: "warn",
  category: "security",
  async run(client, { schema }) {
    const { rows } = await client.query<{ name: string }>(
      `select c.relname as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
        where n.nspname = $1 and c.relkind = 'v'
          and not coalesce(array['security_invoker=true', 'security_invoker=on', 'security_invoker=1'] && c.reloptions, false)
        order by 1`,
      [schema],
    );
    return rows.map((row) => ({
      object: `${schema}.${row.name}`,
      message: `View ${row.name} reads its tables with its owner's privileges (security_invoker is off), so the caller's RLS policies do not apply`,
      remediation: `alter view ${q(schema)}.${q(row.name)} set (security_invoker = on);`,
    }));
  },
};

export const mutableSearchPath: Lint = {
  name: "function_search_path_mutable",
  level: "warn",
  category: "security",
  async run(client, { schema }) {
    const { rows } = await client.query<{ signature: string }>(
      `select p.oid::regprocedure::text as signature from pg_proc p join pg_namespace n on n.oid = p.pronamespace
        where n.nspname = $1 and p.prokind in ('f', 'p')
          and not exists (select 1 from unnest(coalesce(p.proconfig, '{}')) setting where setting like 'search_path=%')
        order by 1`,
      [schema],
    );
    return rows.map((row) => ({
      object: row.signature,
      message: `${row.signature} resolves names through the caller's search_path, which the caller controls`,
      remediation: `alter function ${row.signature} set search_path = ${q(schema)}, pg_catalog;`,
    }));
  },
};
