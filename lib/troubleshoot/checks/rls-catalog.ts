import type pg from "pg";

export type RlsFacts = {
  enabled: boolean;
  forced: boolean;
  relkind: string;
  /** Policies that apply to the tenant role for the command (cmd = command or ALL; roles include it or public). */
  policies: Array<{ name: string; cmd: string; permissive: string; using: string | null; check: string | null }>;
  /** Columns of the table by type, for the owner-column comparison. */
  columns: Array<{ name: string; type: string }>;
};

export async function readRlsFacts(
  client: pg.Client,
  input: { schema: string; table: string; role: string; command: string },
): Promise<RlsFacts | null> {
  const rel = await client.query<{ enabled: boolean; forced: boolean; relkind: string }>(
    `select c.relrowsecurity as enabled, c.relforcerowsecurity as forced, c.relkind::text as relkind
       from pg_class c join pg_namespace n on n.oid = c.relnamespace where n.nspname = $1 and c.relname = $2`,
    [input.schema, input.table],
  );
  const row = rel.rows[0];
  if (!row) return null;
  const policies = await client.query<RlsFacts["policies"][number]>(
    `select policyname as name, cmd, permissive, qual as using, with_check as check from pg_policies
      where schemaname = $1 and tablename = $2 and cmd in ($3, 'ALL') and (roles && array[$4, 'public']::name[])
      order by policyname`,
    [input.schema, input.table, input.command, input.role],
  );
  const columns = await client.query<{ name: string; type: string }>(
    `select a.attname as name, format_type(a.atttypid, a.atttypmod) as type from pg_attribute a
      where a.attrelid = (quote_ident($1) || '.' || quote_ident($2))::regclass and a.attnum > 0 and not a.attisdropped order by a.attnum`,
    [input.schema, input.table],
  );
  return { ...row, policies: policies.rows, columns: columns.rows };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const isUuid = (value: unknown): boolean => typeof value === "string" && UUID.test(value);

/** Policies that read the caller's identity (auth.uid(), auth.jwt(), request.jwt.claim*). */
export const readsIdentity = (expression: string | null): boolean =>
  expression !== null && /uid\(\)|jwt\(\)|request\.jwt\.claim/.test(expression);

/** uuid columns a policy that reads the identity mentions: the owner columns a text `sub` never matches. */
export function uuidOwnerColumns(facts: RlsFacts): string[] {
  const identityPolicies = facts.policies.filter(
    (policy) => readsIdentity(policy.using) || readsIdentity(policy.check),
  );
  const text = identityPolicies.map((policy) => `${policy.using ?? ""} ${policy.check ?? ""}`).join(" ");
  return facts.columns
    .filter((column) => column.type === "uuid" && new RegExp(`\\b${column.name}\\b`).test(text))
    .map((column) => column.name);
}

/** A likely owner column for a suggested policy; a placeholder when none is obvious. */
export function likelyOwnerColumn(facts: RlsFacts): string {
  const names = ["owner_id", "user_id", "owner", "created_by", "author_id", "account_id"];
  return facts.columns.find((column) => names.includes(column.name))?.name ?? "<owner column>";
}
