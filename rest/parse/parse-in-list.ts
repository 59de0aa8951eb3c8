import { syntaxError } from "@/rest/respond/rest-error";

/**
 * The list of `in.(a,b,"c,d")`: comma-separated, items optionally double-quoted (then `\"` and `\\` escape).
 * An unquoted `null` is SQL NULL, as in PostgREST.
 */
export function parseInList(raw: string, where: string): Array<string | null> {
  if (!raw.startsWith("(") || !raw.endsWith(")")) {
    throw syntaxError(`failed to parse ${where}: in. takes a parenthesised list such as in.(1,2,3)`);
  }
  const body = raw.slice(1, -1);
  if (body.trim() === "") return [];
  const items: Array<string | null> = [];
  let i = 0;
  while (i <= body.length) {
    if (body[i] === '"') {
      const { value, end } = readQuoted(body, i + 1, where);
      items.push(value);
      i = end;
      if (i < body.length && body[i] !== ",") {
        throw syntaxError(`failed to parse ${where}: expected , after a quoted item`);
      }
    } else {
      const comma = body.indexOf(",", i);
      const end = comma === -1 ? body.length : comma;
      const item = body.slice(i, end).trim();
      items.push(item === "null" ? null : item);
      i = end;
    }
    i += 1; // past the comma (or past the end, which ends the loop)
  }
  return items;
}

function readQuoted(body: string, start: number, where: string): { value: string; end: number } {
  let value = "";
  for (let i = start; i < body.length; i += 1) {
    const char = body[i];
    if (char === "\\" && i + 1 < body.length) {
      value += body[i + 1];
      i += 1;
    } else if (char === '"') {
      return { value, end: i + 1 };
    } else {
      value += char;
    }
  }
  throw syntaxError(`failed to parse ${where}: unterminated quoted item in in.(...)`);
}
