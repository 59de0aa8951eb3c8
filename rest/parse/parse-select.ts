import type { EmbedItem, SelectItem } from "./ast";
import { type Cursor, parseWhole } from "./cursor";
import { readField, readFieldName } from "./parse-field";

const CAST_TYPE = /^[\p{L}\p{N}_$ ]+/u;

/** `select=*` | `select=id,heading:title,data->a->>b,price::text`. A missing or empty parameter means `*`. */
export function parseSelect(raw: string | null): SelectItem[] {
  if (raw === null || raw.trim() === "") return [{ kind: "star" }];
  return parseWhole(
    raw,
    `select parameter (${raw})`,
    (cursor) => {
      const items = [readSelectItem(cursor)];
      while (cursor.eat(",")) items.push(readSelectItem(cursor));
      return items;
    },
    '"," or end of input',
  );
}

function readSelectItem(cursor: Cursor, depth = 0): SelectItem {
  cursor.skipSpaces();
  if (cursor.eat("*")) {
    cursor.skipSpaces();
    return { kind: "star" };
  }
  if (cursor.eat("...")) {
    const target = readFieldName(cursor);
    return readEmbed(cursor, target, null, true, depth + 1);
  }
  let alias: string | null = null;
  const start = cursor.pos;
  const first = readFieldName(cursor);
  if (cursor.peek() === ":" && cursor.peek(2) !== "::") {
    cursor.pos += 1;
    alias = first;
  } else {
    cursor.pos = start;
  }
  const field = readField(cursor);
  if (cursor.startsWith("(") || cursor.startsWith("!")) {
    if (field.jsonPath.length > 0) throw cursor.fail('expecting "," or end of input');
    return readEmbed(cursor, field.column, alias, false, depth + 1);
  }
  let cast: string | null = null;
  if (cursor.eat("::")) {
    const type = CAST_TYPE.exec(cursor.text.slice(cursor.pos))?.[0] ?? "";
    if (type.trim() === "") throw cursor.fail("expecting letter or digit");
    cursor.pos += type.length;
    cast = type.trim();
  }
  cursor.skipSpaces();
  return { kind: "column", column: field.column, alias, jsonPath: field.jsonPath, cast };
}

/** Nesting bound: deep enough for any real query, and a crafted `a(a(a(…)))` cannot exhaust the stack. */
const MAX_EMBED_DEPTH = 16;

/** After the target name: `!hint`, `!inner`/`!left` (also `!hint!inner`), then `(items)`, possibly empty. */
function readEmbed(cursor: Cursor, target: string, alias: string | null, spread: boolean, depth: number): EmbedItem {
  const marks: string[] = [];
  while (cursor.eat("!")) marks.push(readFieldName(cursor));
  if (marks.length > 2) throw cursor.fail('expecting "("');
  let join: EmbedItem["join"] = null;
  const last = marks.at(-1);
  if (last === "inner" || last === "left") {
    join = last;
    marks.pop();
  }
  if (marks.length > 1) throw cursor.fail('expecting "!inner", "!left" or "("');
  if (depth > MAX_EMBED_DEPTH) throw cursor.fail(`embeds nest at most ${MAX_EMBED_DEPTH} deep`);
  cursor.expect("(");
  cursor.skipSpaces();
  const select: SelectItem[] = [];
  if (!cursor.startsWith(")")) {
    select.push(readSelectItem(cursor, depth));
    while (cursor.eat(",")) select.push(readSelectItem(cursor, depth));
  }
  cursor.expect(")", '"," or ")"');
  cursor.skipSpaces();
  return { kind: "embed", target, alias, hint: marks[0] ?? null, join, spread, select };
}

/** POST's `columns=a,b` (postgrest-js sends it for arrays): the inserted columns, whatever keys each row has. */
/** `columns=a,b` of writes and RPC, and `on_conflict=a,b` of upserts: a comma list of plain names. */
export function parseColumns(raw: string | null, parameter = "columns"): string[] | null {
  if (raw === null) return null;
  return parseWhole(
    raw,
    `${parameter} parameter (${raw})`,
    (cursor) => {
      const names = [readFieldName(cursor)];
      while (cursor.eat(",")) names.push(readFieldName(cursor));
      return names;
    },
    '"," or end of input',
  );
}
