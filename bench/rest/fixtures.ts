import pg from "pg";
import { quoteIdent } from "@/lib/engines/sql";
import { parseReadQuery } from "@/rest/parse/parse-read-query";
import { planInsert } from "@/rest/plan/plan-insert";
import { planRead } from "@/rest/plan/plan-read";
import { parsePreferences } from "@/rest/parse/parse-prefer";
import { parseSelect } from "@/rest/parse/parse-select";
import { loadSchema } from "@/rest/schema-cache/load-schema";
import { buildInsertStatement } from "@/rest/sql/build-insert";
import { buildReadStatement } from "@/rest/sql/build-read";
import type { Statement } from "@/rest/sql/statement";
import type { BenchTenant } from "../lib/bench-cluster";

export const ITEM_ROWS = 10_000;

/** 10k items (single-row reads), 1,000 authors × 5 books (a to-many embed), events (inserts). */
export const FIXTURE_SQL = `
create table items (
  id bigint primary key,
  name text not null,
  price numeric(10,2) not null,
  created_at timestamptz not null default now()
);
insert into items (id, name, price) select g, 'item ' || g, (g % 1000) / 10.0 from generate_series(1, ${ITEM_ROWS}) g;
create table authors (id bigint primary key, name text not null);
create table books (id bigint primary key, author_id bigint not null references authors (id), title text not null);
create index books_author_id on books (author_id);
insert into authors select g, 'author ' || g from generate_series(1, 1000) g;
insert into books select g, ((g - 1) % 1000) + 1, 'book ' || g from generate_series(1, 5000) g;
create table events (id bigint generated always as identity primary key, kind text not null, payload jsonb not null default '{}');
analyze items; analyze authors; analyze books;
`;

export const ID_PLACEHOLDER = "__bench_id__";
export const READ_ONE_PATH = "/items?id=eq.{id}";
export const EMBED_PATH = "/authors?select=id,name,books(id,title)&limit=100";
export const INSERT_BODY = JSON.stringify({ kind: "bench", payload: { source: "wrk", n: 1 } });

/**
 * The statements rest itself would run, built by rest's own parse → plan → sql functions against a schema
 * snapshot loaded as the tenant role, so pgbench measures exactly the SQL shape rest sends.
 */
export async function restStatements(
  tenant: BenchTenant,
  maxRows: number,
): Promise<{ readOne: Statement; insert: Statement; embed: Statement }> {
  const client = new pg.Client({ connectionString: tenant.credentials.apiDatabaseUrl });
  await client.connect();
  try {
    const snapshot = await loadSchema(client, tenant.credentials.schema);
    const table = (name: string) => {
      const info = snapshot.tables.get(name);
      if (!info) throw new Error(`The fixture table ${name} is missing from the tenant's schema`);
      return info;
    };
    const readOne = buildReadStatement(
      planRead(parseReadQuery(new URLSearchParams(`id=eq.${ID_PLACEHOLDER}`)), table("items"), maxRows),
    );
    const insert = buildInsertStatement(
      planInsert(table("events"), {
        payload: { value: JSON.parse(INSERT_BODY) as unknown, json: INSERT_BODY },
        columns: null,
        onConflict: null,
        select: parseSelect(null),
        preferences: parsePreferences(undefined),
      }),
    );
    return { readOne, insert, embed: embedStatement(tenant.credentials.schema, maxRows) };
  } finally {
    await client.end();
  }
}

/**
 * rest cannot plan embeds yet, so this is PostgREST's shape for `authors?select=id,name,books(id,title)`
 * written by hand (a correlated json_agg per parent inside the page's json_agg). Replace it with rest's
 * builder once embedding lands.
 */
function embedStatement(schema: string, maxRows: number): Statement {
  const s = quoteIdent(schema);
  const books = `coalesce((select json_agg(_b) from (select b.id, b.title from ${s}.books b where b.author_id = a.id) _b), '[]') as books`;
  const source = `select a.id, a.name, ${books} from ${s}.authors a limit $1`;
  return {
    text: `select coalesce(json_agg(_r), '[]')::text as body, count(*) as page_total from (${source}) _r`,
    values: [Math.min(100, maxRows)],
  };
}
