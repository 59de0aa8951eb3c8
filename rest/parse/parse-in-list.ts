import type { Cursor } from "./cursor";
import { readQuoted } from "./parse-field";

/**
 * The list of `in.(a,b,"c,d")`: comma-separated, items optionally double-quoted (then `\` escapes the next
 * character). An unquoted `null` is SQL NULL; `()` is the empty list.
 */
export function readInList(cursor: Cursor): Array<string | null> {
  cursor.skipSpaces();
  cursor.expect("(");
  const items: Array<string | null> = [];
  if (cursor.eat(")")) return items;
  for (;;) {
    if (cursor.peek() === '"') {
      items.push(readQuoted(cursor));
    } else {
      const start = cursor.pos;
      while (!cursor.done && cursor.peek() !== "," && cursor.peek() !== ")") cursor.pos += 1;
      const item = cursor.text.slice(start, cursor.pos).trim();
      items.push(item === "null" ? null : item);
    }
    if (cursor.eat(",")) continue;
    cursor.expect(")", '"," or ")"');
    cursor.skipSpaces();
    return items;
  }
}
