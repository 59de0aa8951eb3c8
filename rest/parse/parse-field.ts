import type { Cursor } from "./cursor";
import type { Field, JsonStep } from "./ast";

/** PostgREST's identifier characters: any letter or digit, `_`, `$` and space (trimmed). */
const IDENTIFIER_CHAR = /[\p{L}\p{N}_$ ]/u;

function readIdentifier(cursor: Cursor): string {
  const start = cursor.pos;
  while (!cursor.done && IDENTIFIER_CHAR.test(cursor.peek())) cursor.pos += 1;
  return cursor.text.slice(start, cursor.pos);
}

/** `"…"` with `\` escaping the next character. */
export function readQuoted(cursor: Cursor): string {
  cursor.expect('"');
  let value = "";
  while (!cursor.done && cursor.peek() !== '"') {
    if (cursor.peek() === "\\") cursor.pos += 1;
    if (cursor.done) break;
    value += cursor.peek();
    cursor.pos += 1;
  }
  cursor.expect('"', "closing quote");
  return value;
}

/**
 * A name: double-quoted (anything but a bare `"`), or identifier runs joined by `-` (not `->`), as in PostgREST.
 * Names only ever reach SQL through quoteIdent after a schema-cache check.
 */
export function readFieldName(cursor: Cursor): string {
  if (cursor.peek() === '"') return readQuoted(cursor);
  const start = cursor.pos;
  let name = readIdentifier(cursor);
  while (cursor.peek() === "-" && cursor.peek(2) !== "->") {
    cursor.pos += 1;
    name += `-${readIdentifier(cursor)}`;
  }
  const trimmed = name.trim();
  if (trimmed === "" || name.endsWith("-")) throw cursor.fail("expecting field name (* or [a..z0..9_$])", start);
  return trimmed;
}

const INDEX = /^-?[0-9]+(?=->|::|\.|,|\)|$)/;

/** `->key`, `->>key`, `->0`, `->>-1`, repeated. */
export function readJsonPath(cursor: Cursor): JsonStep[] {
  const steps: JsonStep[] = [];
  for (;;) {
    const arrow = cursor.eat("->>") ? "->>" : cursor.eat("->") ? "->" : null;
    if (arrow === null) return steps;
    const index = INDEX.exec(cursor.text.slice(cursor.pos));
    if (index) {
      cursor.pos += index[0].length;
      steps.push({ arrow, key: index[0], index: true });
    } else {
      steps.push({ arrow, key: readFieldName(cursor), index: false });
    }
  }
}

export function readField(cursor: Cursor): Field {
  cursor.skipSpaces();
  const column = readFieldName(cursor);
  const jsonPath = readJsonPath(cursor);
  cursor.skipSpaces();
  return { column, jsonPath };
}
