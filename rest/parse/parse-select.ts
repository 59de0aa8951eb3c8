import type { SelectItem } from "./ast";
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

function readSelectItem(cursor: Cursor): SelectItem {
  cursor.skipSpaces();
  if (cursor.eat("*")) {
    cursor.skipSpaces();
    return { kind: "star" };
  }
  if (cursor.startsWith("...") || cursor.startsWith("..")) {
    throw cursor.fail("spreads (...table(columns)) are not supported yet: resource embedding comes in a later version");
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
    throw cursor.fail("resource embedding (table(columns)) is not supported yet");
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
