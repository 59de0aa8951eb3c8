import type pg from "pg";

/**
 * Objects every tenant of the database shares, owned by the superuser and created on first provisioning:
 * - `flux_meta.schema_migrations`: the SQL history. A push inserts its row logged in as the tenant's owner
 *   role in the same transaction as the tenant SQL; forced RLS limits each owner role to its own rows.
 * - `auth.jwt()/uid()/role()`: read the transaction-local `request.jwt.claims` that `rest` sets, so RLS
 *   policies can use them. They read only settings of the calling session, so sharing them crosses nothing.
 * Every statement here is one a tenant cannot make wait: CREATE … IF NOT EXISTS, CREATE OR REPLACE FUNCTION
 * and REVOKE take no lock a tenant's session can hold. ALTER TABLE would (ACCESS EXCLUSIVE, queued behind any
 * push that merely read its history and then slept), so it runs only when row security is not on yet.
 * Callers serialise provisionings of one cluster with a flux-system lock (lock-names.ts).
 */
const CREATE_SHARED_OBJECTS = `
create schema if not exists flux_meta;
create table if not exists flux_meta.schema_migrations (
  id bigserial primary key,
  owner_role name not null default current_user,
  version text not null,
  name text not null,
  checksum text not null,
  sql text not null,
  actor_user_id uuid,
  applied_at timestamptz not null default now(),
  unique (owner_role, version)
);
revoke all on table flux_meta.schema_migrations from public;

create schema if not exists auth;
create or replace function auth.jwt() returns jsonb language sql stable
  as $$ select coalesce(nullif(pg_catalog.current_setting('request.jwt.claims', true), ''), '{}')::jsonb $$;
create or replace function auth.uid() returns text language sql stable as $$ select auth.jwt() ->> 'sub' $$;
create or replace function auth.role() returns text language sql stable as $$ select auth.jwt() ->> 'role' $$;
revoke all on all functions in schema auth from public;
`;

const POLICIES: Record<string, string> = {
  own_rows_select: "for select using (owner_role = current_user)",
  own_rows_insert: "for insert with check (owner_role = current_user)",
};

export async function ensureSharedObjects(client: pg.Client): Promise<void> {
  await client.query(CREATE_SHARED_OBJECTS);
  const security = await client.query<{ enabled: boolean; forced: boolean }>(
    "select relrowsecurity as enabled, relforcerowsecurity as forced from pg_class where oid = 'flux_meta.schema_migrations'::regclass",
  );
  if (!security.rows[0]?.enabled) {
    await client.query("alter table flux_meta.schema_migrations enable row level security");
  }
  if (!security.rows[0]?.forced) await client.query("alter table flux_meta.schema_migrations force row level security");
  const existing = await client.query<{ policyname: string }>(
    "select policyname from pg_policies where schemaname = 'flux_meta' and tablename = 'schema_migrations'",
  );
  const present = new Set(existing.rows.map((row) => row.policyname));
  for (const [name, body] of Object.entries(POLICIES)) {
    if (!present.has(name)) await client.query(`create policy ${name} on flux_meta.schema_migrations ${body}`);
  }
}
