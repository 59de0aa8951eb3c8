import type pg from "pg";

/** One object named in a `pg_restore --list` table of contents. */
export type ArchiveObject = { type: string; schema: string; name: string };

// Longest first, so "FK CONSTRAINT" is not read as a CONSTRAINT named "FK …".
const TYPES = [
  "MATERIALIZED VIEW DATA",
  "MATERIALIZED VIEW",
  "SEQUENCE OWNED BY",
  "SEQUENCE SET",
  "FK CONSTRAINT",
  "TABLE DATA",
  "DEFAULT ACL",
  "ROW SECURITY",
  "SCHEMA",
  "TABLE",
  "VIEW",
  "SEQUENCE",
  "INDEX",
  "CONSTRAINT",
  "TRIGGER",
  "POLICY",
  "FUNCTION",
  "PROCEDURE",
  "AGGREGATE",
  "TYPE",
  "DOMAIN",
  "DEFAULT",
  "COMMENT",
  "ACL",
  "RULE",
];

/**
 * Parses `pg_restore --list` lines ("214; 1259 16390 TABLE t_x_api items postgres"); the owner is the last
 * word, the schema the first after the type, the rest is the name ("items items_pkey" for a constraint).
 */
export function parseArchiveList(listing: string): ArchiveObject[] {
  const objects: ArchiveObject[] = [];
  for (const line of listing.split("\n")) {
    const match = /^\d+;\s+\d+\s+\d+\s+(.*)$/.exec(line.trim());
    if (!match?.[1]) continue;
    const rest = match[1];
    const type = TYPES.find((t) => rest.startsWith(`${t} `));
    if (!type) continue;
    const words = rest.slice(type.length + 1).split(" ");
    if (words.length < 3) continue;
    objects.push({ type, schema: words[0] ?? "", name: words.slice(1, -1).join(" ") });
  }
  return objects;
}

const EXISTS: Record<string, string> = {
  SCHEMA: "select 1 from pg_namespace where nspname = $2 and $1::text is not null",
  TABLE:
    "select 1 from pg_class c join pg_namespace n on n.oid = c.relnamespace where n.nspname = $1 and c.relname = $2 and c.relkind in ('r','p')",
  VIEW: "select 1 from pg_class c join pg_namespace n on n.oid = c.relnamespace where n.nspname = $1 and c.relname = $2 and c.relkind = 'v'",
  "MATERIALIZED VIEW":
    "select 1 from pg_class c join pg_namespace n on n.oid = c.relnamespace where n.nspname = $1 and c.relname = $2 and c.relkind = 'm'",
  SEQUENCE:
    "select 1 from pg_class c join pg_namespace n on n.oid = c.relnamespace where n.nspname = $1 and c.relname = $2 and c.relkind = 'S'",
  INDEX:
    "select 1 from pg_class c join pg_namespace n on n.oid = c.relnamespace where n.nspname = $1 and c.relname = $2 and c.relkind in ('i','I')",
  CONSTRAINT:
    "select 1 from pg_constraint k join pg_namespace n on n.oid = k.connamespace where n.nspname = $1 and k.conname = split_part($2, ' ', 2)",
  "FK CONSTRAINT":
    "select 1 from pg_constraint k join pg_namespace n on n.oid = k.connamespace where n.nspname = $1 and k.conname = split_part($2, ' ', 2)",
  TRIGGER:
    "select 1 from pg_trigger g join pg_class c on c.oid = g.tgrelid join pg_namespace n on n.oid = c.relnamespace where n.nspname = $1 and c.relname = split_part($2, ' ', 1) and g.tgname = split_part($2, ' ', 2)",
  POLICY:
    "select 1 from pg_policy p join pg_class c on c.oid = p.polrelid join pg_namespace n on n.oid = c.relnamespace where n.nspname = $1 and c.relname = split_part($2, ' ', 1) and p.polname = split_part($2, ' ', 2)",
  FUNCTION:
    "select 1 from pg_proc p join pg_namespace n on n.oid = p.pronamespace where n.nspname = $1 and p.proname = split_part($2, '(', 1)",
  PROCEDURE:
    "select 1 from pg_proc p join pg_namespace n on n.oid = p.pronamespace where n.nspname = $1 and p.proname = split_part($2, '(', 1)",
  AGGREGATE:
    "select 1 from pg_proc p join pg_namespace n on n.oid = p.pronamespace where n.nspname = $1 and p.proname = split_part($2, '(', 1)",
  TYPE: "select 1 from pg_type t join pg_namespace n on n.oid = t.typnamespace where n.nspname = $1 and t.typname = $2",
  DOMAIN:
    "select 1 from pg_type t join pg_namespace n on n.oid = t.typnamespace where n.nspname = $1 and t.typname = $2",
};

/**
 * Objects of the archive that a restore should have created but the database does not have. Entries that
 * are not objects of their own (TABLE DATA, SEQUENCE SET, COMMENT, ACL…) are checked by the row counts and
 * content hashes instead.
 */
export async function missingArchiveObjects(client: pg.Client, objects: ArchiveObject[]): Promise<ArchiveObject[]> {
  const missing: ArchiveObject[] = [];
  for (const object of objects) {
    const sql = EXISTS[object.type];
    if (!sql) continue;
    const { rowCount } = await client.query(sql, [object.schema, object.name]);
    if (!rowCount) missing.push(object);
  }
  return missing;
}
