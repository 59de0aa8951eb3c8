import fc from "fast-check";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { quoteIdent } from "@/lib/engines/sql";
import { provisionTestTenant, type TestTenant } from "@/tests/fixtures/tenant";
import { bridgeTokenFor, call, startRest, type RunningRest } from "./testing/harness";

// Drives the real server with random query strings built from the URL grammar's pieces and hostile fragments.
// Whatever arrives, rest answers a PostgREST status with a PostgREST body, never a 500, and nothing in the
// tenant's schema changes: injected text never reaches SQL as text.

let api: RunningRest;
let tenant: TestTenant;
let token: string;
let admin: pg.Client;

const ALLOWED = [200, 206, 400, 404, 406, 416];

const COLUMNS = ["id", "title", "body", "n", "tags", "data", "range", "doc", "created"];
const HOSTILE = [
  "'",
  "''",
  '"',
  '\\"',
  ";",
  "; drop table notes; --",
  "'); delete from notes; --",
  "--",
  "/*",
  "*/",
  "$$",
  "$1",
  "%00",
  "\u0000",
  "\u202e",
  "ид",
  "😀",
  "\uFFFD",
  "%ED%A0%80",
  ")",
  "(",
  ",",
  ".",
  "::",
  "->",
  "->>",
  "*",
  "!",
  "{",
  "}",
  "null",
  "pg_sleep(10)",
  "a".repeat(300),
  "x".repeat(1500),
];
const OPERATORS = [
  "eq",
  "neq",
  "gt",
  "gte",
  "lt",
  "lte",
  "like",
  "ilike",
  "match",
  "imatch",
  "in",
  "is",
  "isdistinct",
  "fts",
  "plfts",
  "phfts",
  "wfts",
  "fts(english)",
  "cs",
  "cd",
  "ov",
  "sl",
  "sr",
  "nxr",
  "nxl",
  "adj",
  "not.eq",
  "not.in",
  "eq(any)",
  "like(all)",
  "bogus",
  "",
];

const fragment = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...COLUMNS) },
  { weight: 3, arbitrary: fc.constantFrom(...HOSTILE) },
  { weight: 1, arbitrary: fc.string({ maxLength: 12 }) },
  { weight: 1, arbitrary: fc.string({ unit: "binary", maxLength: 6 }) },
  { weight: 1, arbitrary: fc.integer({ min: -5, max: 5 }).map(String) },
);
const text = fc.array(fragment, { minLength: 1, maxLength: 4 }).map((parts) => parts.join(""));
const column = fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...COLUMNS) }, { weight: 1, arbitrary: text });

const filter = fc
  .tuple(column, fc.constantFrom(...OPERATORS), text)
  .map(([name, op, value]) => [name, op ? `${op}.${value}` : value] as const);
const selectItem = fc.oneof(
  column,
  fc.tuple(text, column).map(([alias, name]) => `${alias}:${name}`),
  fc.tuple(column, fc.constantFrom("text", "int", "json", "x;drop", "")).map(([name, cast]) => `${name}::${cast}`),
  fc.tuple(column, text).map(([name, key]) => `${name}->>${key}`),
  fc.constant("*"),
);
const select = fc
  .array(selectItem, { minLength: 1, maxLength: 4 })
  .map((items) => ["select", items.join(",")] as const);
const order = fc
  .tuple(column, fc.constantFrom("", ".asc", ".desc", ".desc.nullsfirst", ".nullslast", ".bogus"))
  .map(([name, dir]) => ["order", `${name}${dir}`] as const);
const page = fc
  .tuple(fc.constantFrom("limit", "offset"), fc.oneof(fc.nat(50).map(String), text))
  .map(([k, v]) => [k, v] as const);
const logic = fc
  .tuple(fc.constantFrom("or", "and", "not.or", "not.and"), fc.array(filter, { minLength: 1, maxLength: 3 }))
  .map(([op, parts]) => [op, `(${parts.map(([name, rest]) => `${name}.${rest}`).join(",")})`] as const);
const pair = fc.oneof({ weight: 4, arbitrary: filter }, select, order, page, logic);

/** Mostly well-formed percent-encoding, sometimes raw text the way a careless or malicious client sends it. */
const encode = (value: string, raw: boolean) =>
  raw ? value.replace(/[#\s]/g, (c) => encodeURIComponent(c)) : encodeURIComponent(value).replace(/%25(00|ED)/g, "%$1");
const query = fc
  .tuple(fc.array(pair, { maxLength: 5 }), fc.boolean())
  .map(([pairs, raw]) => pairs.map(([k, v]) => `${encode(k, raw)}=${encode(v, raw)}`).join("&"));

const table = fc.oneof(
  { weight: 6, arbitrary: fc.constant("notes") },
  { weight: 1, arbitrary: text.map((name) => encodeURIComponent(name)) },
);
const headers = fc.record(
  {
    accept: fc.constantFrom(
      "application/json",
      "application/vnd.pgrst.object+json",
      "text/csv",
      "*/*",
      "image/png",
      "application/json;q=0",
    ),
    prefer: fc.constantFrom("count=exact", "count=planned", "count=estimated", "return=minimal", "bogus; x=y"),
    range: fc.constantFrom("0-1", "2-", "5-1", "0-0", "abc", "-3", "items=0-1"),
  },
  { requiredKeys: [] },
);

type Snapshot = { notes: string; canary: string };
async function snapshot(): Promise<Snapshot> {
  const schema = quoteIdent(tenant.credentials.schema);
  const notes = await admin.query(
    `select md5(coalesce(string_agg(t::text, '|' order by id), '')) as h from ${schema}.notes t`,
  );
  const canary = await admin.query(
    `select md5(coalesce(string_agg(t::text, '|' order by id), '')) as h from ${schema}.canary t`,
  );
  return { notes: String(notes.rows[0]?.h), canary: String(canary.rows[0]?.h) };
}

function isPostgrestError(body: unknown): boolean {
  if (typeof body !== "object" || body === null || Array.isArray(body)) return false;
  const keys = Object.keys(body).sort();
  const { code, message } = body as { code?: unknown; message?: unknown };
  return keys.join(",") === "code,details,hint,message" && typeof code === "string" && typeof message === "string";
}

beforeAll(async () => {
  api = await startRest();
  tenant = await provisionTestTenant();
  const role = quoteIdent(tenant.credentials.role);
  await tenant.engine.importSql(tenant.project, {
    name: "fuzz",
    sql: `
      create table notes (id int primary key, title text, body text, n numeric, tags text[], data jsonb,
        range int4range, doc tsvector, created timestamptz default now());
      insert into notes (id, title, body, n, tags, data, range, doc)
        select i, 'title ' || i, 'body ''quoted'' ' || i, i * 1.5, array['a', 'b' || i], jsonb_build_object('a', i, 'b', 'x'),
               int4range(i, i + 10), to_tsvector('english', 'the quick fox ' || i)
        from generate_series(1, 12) i;
      create table canary (id int primary key, secret text);
      insert into canary values (1, 'untouched');
      grant select on notes, canary to ${role};`,
    actorUserId: null,
  });
  token = await bridgeTokenFor(api.config, tenant);
  admin = new pg.Client({ connectionString: api.config.tenantDatabaseUrl });
  await admin.connect();
});

afterAll(async () => {
  await admin?.end();
  await api?.close();
  await tenant?.cleanup();
});

describe("injection fuzz through HTTP", () => {
  it("answers every random, hostile query string with a PostgREST status and body, and leaves the tables intact", async () => {
    const before = await snapshot();
    const seen = new Map<number, number>();
    await fc.assert(
      fc.asyncProperty(table, query, headers, fc.constantFrom("GET", "HEAD"), async (name, search, extra, method) => {
        const res = await call(api.baseUrl, `/${name}?${search}`, { token, method, headers: extra });
        seen.set(res.status, (seen.get(res.status) ?? 0) + 1);
        expect(ALLOWED, `${method} /${name}?${search} ${JSON.stringify(extra)} → ${res.status} ${res.text}`).toContain(
          res.status,
        );
        if (method === "HEAD") return;
        if (res.status >= 400) {
          expect(isPostgrestError(res.json()), res.text).toBe(true);
        } else if (res.headers.get("content-type")?.startsWith("application/json")) {
          expect(Array.isArray(res.json())).toBe(true);
        } else if (res.headers.get("content-type")?.startsWith("application/vnd.pgrst.object+json")) {
          expect(typeof res.json()).toBe("object");
        } else if (res.headers.get("content-type")?.startsWith("application/openapi+json")) {
          // An empty table name is the root path: the schema's OpenAPI document.
          expect(name).toBe("");
          expect(res.json()).toMatchObject({ swagger: "2.0" });
        } else {
          expect(res.headers.get("content-type")).toBe("text/csv; charset=utf-8");
        }
      }),
      { numRuns: 300 },
    );
    // Both sides were exercised: hostile input that reached SQL as bound values, and input refused before it.
    expect(seen.get(200) ?? 0, JSON.stringify([...seen])).toBeGreaterThan(10);
    expect(seen.get(400) ?? 0, JSON.stringify([...seen])).toBeGreaterThan(10);
    expect(await snapshot()).toEqual(before);
    const still = await call(api.baseUrl, "/notes?select=id&order=id", { token });
    expect(still.json()).toHaveLength(12);
  }, 60_000);
});
