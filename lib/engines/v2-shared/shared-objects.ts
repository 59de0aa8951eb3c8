import type pg from "pg";
import { SHARED_OBJECTS_LOCK_KEY } from "./advisory-lock-key";

/**
 * Objects every tenant of the database shares, owned by the superuser and created on first provisioning:
 * - `flux_meta.schema_migrations`: the SQL history. A push inserts its row logged in as the tenant's owner
 *   role in the same transaction as the tenant SQL; forced RLS limits each owner role to its own rows.
 * - `auth.jwt()/uid()/role()`: read the transaction-local `request.jwt.claims` that `rest` sets, so RLS
 *   policies can use them. They read only settings of the calling session, so sharing them crosses nothing.
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
alter table flux_meta.schema_migrations enable row level security;
alter table flux_meta.schema_migrations force row level security;
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
  // Concurrent first provisionings would race on CREATE … IF NOT EXISTS (a unique-violation on the catalog).
  await client.query("select pg_advisory_xact_lock($1::bigint)", [SHARED_OBJECTS_LOCK_KEY]);
  await client.query(CREATE_SHARED_OBJECTS);
  const existing = await client.query<{ policyname: string }>(
    "select policyname from pg_policies where schemaname = 'flux_meta' and tablename = 'schema_migrations'",
  );
  const present = new Set(existing.rows.map((row) => row.policyname));
  for (const [name, body] of Object.entries(POLICIES)) {
    if (!present.has(name)) await client.query(`create policy ${name} on flux_meta.schema_migrations ${body}`);
  }
}
