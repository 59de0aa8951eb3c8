import { quoteIdent } from "@/lib/engines/sql";
import type { Lint } from "../types";

const q = quoteIdent;

/** Tables the tenant role can reach (any table privilege) in the tenant schema, with their RLS state. */
const TABLES = `
select c.relname as name, c.relrowsecurity as rls,
       exists (select 1 from pg_policy p where p.polrelid = c.oid) as has_policies
  from pg_class c join pg_namespace n on n.oid = c.relnamespace
 where n.nspname = $1 and c.relkind in ('r', 'p')
   and has_table_privilege($2, c.oid, 'SELECT, INSERT, UPDATE, DELETE')`;

export const rlsOffWithPolicies: Lint = {
  name: "rls_disabled_with_policies",
  level: "error",
  category: "security",
  async run(client, { schema, role }) {
    const { rows } = await client.query<{ name: string; rls: boolean; has_policies: boolean }>(TABLES, [schema, role]);
    return rows
      .filter((row) => !row.rls && row.has_policies)
      .map((row) => ({
        object: `${schema}.${row.name}`,
        message: `Policies exist on ${row.name}, but row-level security is off, so they are ignored and the API role sees every row`,
        remediation: `alter table ${q(schema)}.${q(row.name)} enable row level security;`,
      }));
  },
};

export const rlsOnWithoutPolicy: Lint = {
  name: "rls_enabled_no_policy",
  level: "warn",
  category: "security",
  async run(client, { schema, role }) {
    const { rows } = await client.query<{ name: string; rls: boolean; has_policies: boolean }>(TABLES, [schema, role]);
    return rows
      .filter((row) => row.rls && !row.has_policies)
      .map((row) => ({
        object: `${schema}.${row.name}`,
        message: `Row-level security is on for ${row.name} but no policy exists: every request sees an empty array and every write is refused`,
        remediation: `create policy ${q(`${row.name}_own_rows`)} on ${q(schema)}.${q(row.name)} to ${q(role)} using (owner_id = auth.uid()) with check (owner_id = auth.uid());`,
      }));
  },
};

export const policyUuidOwnerVsTextSub: Lint = {
  name: "policy_uuid_owner_vs_text_sub",
  level: "warn",
  category: "security",
  async run(client, { schema }) {
    const { rows } = await client.query<{ table_name: string; policy: string; column_name: string }>(
      `select c.relname as table_name, p.polname as policy, a.attname as column_name
         from pg_policy p
         join pg_class c on c.oid = p.polrelid join pg_namespace n on n.oid = c.relnamespace
         join pg_attribute a on a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped and a.atttypid = 'uuid'::regtype
        where n.nspname = $1
          and coalesce(pg_get_expr(p.polqual, p.polrelid), '') || ' ' || coalesce(pg_get_expr(p.polwithcheck, p.polrelid), '') ~ '(uid\\(\\)|jwt\\(\\)|request\\.jwt\\.claim)'
          and coalesce(pg_get_expr(p.polqual, p.polrelid), '') || ' ' || coalesce(pg_get_expr(p.polwithcheck, p.polrelid), '') ~ ('\\m' || a.attname || '\\M')
        order by 1, 2, 3`,
      [schema],
    );
    return rows.map((row) => ({
      object: `${schema}.${row.table_name}.${row.column_name}`,
      message: `Policy ${row.policy} compares the uuid column ${row.column_name} with the token's sub, which is text: OAuth-style ids (Clerk, GitHub, e-mail) never match or fail to cast`,
      remediation: `drop policy ${q(row.policy)} on ${q(schema)}.${q(row.table_name)}; alter table ${q(schema)}.${q(row.table_name)} alter column ${q(row.column_name)} type text; -- then re-create the policy with ${row.column_name} = auth.uid()`,
    }));
  },
};

export const secretColumnsWithoutRls: Lint = {
  name: "secret_columns_without_rls",
  level: "error",
  category: "security",
  async run(client, { schema, role }) {
    const { rows } = await client.query<{ table_name: string; column_name: string }>(
      `select c.relname as table_name, a.attname as column_name
         from pg_class c join pg_namespace n on n.oid = c.relnamespace
         join pg_attribute a on a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped
        where n.nspname = $1 and c.relkind in ('r', 'p') and not c.relrowsecurity
          and has_column_privilege($2, c.oid, a.attnum, 'SELECT')
          and a.attname ~* '(password|passwd|secret|token|api_?key|private_?key|credit_?card|ssn)'
        order by 1, 2`,
      [schema, role],
    );
    return rows.map((row) => ({
      object: `${schema}.${row.table_name}.${row.column_name}`,
      message: `${row.column_name} looks like a secret and every caller of the API may read it: ${row.table_name} has no row-level security`,
      remediation: `alter table ${q(schema)}.${q(row.table_name)} enable row level security; -- then add policies, or move ${row.column_name} to a table the API role cannot read`,
    }));
  },
};
