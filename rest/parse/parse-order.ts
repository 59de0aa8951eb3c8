import type { EmbedPath, OrderTerm } from "./ast";
import { type Cursor, parseWhole } from "./cursor";
import { readField } from "./parse-field";

/** `order=a.desc.nullslast,data->>b` — each term is a field, then optional direction, then optional nulls. */
export function parseOrder(raw: string | null, path: EmbedPath = []): OrderTerm[] {
  if (raw === null || raw.trim() === "") return [];
  return parseWhole(
    raw,
    `order (${raw})`,
    (cursor) => {
      const terms = [readTerm(cursor, path)];
      while (cursor.eat(",")) terms.push(readTerm(cursor, path));
      return terms;
    },
    '"," or end of input',
  );
}

function readTerm(cursor: Cursor, path: EmbedPath): OrderTerm {
  let { column, jsonPath } = readField(cursor);
  let relation: string | undefined;
  // `clients(name).desc`: a column of a to-one embed.
  if (jsonPath.length === 0 && cursor.eat("(")) {
    relation = column;
    ({ column, jsonPath } = readField(cursor));
    cursor.expect(")");
  }
  let direction: OrderTerm["direction"] = null;
  let nulls: OrderTerm["nulls"] = null;
  if (cursor.eat(".")) {
    if (cursor.eat("asc")) direction = "asc";
    else if (cursor.eat("desc")) direction = "desc";
    else if (cursor.eat("nullsfirst")) nulls = "first";
    else if (cursor.eat("nullslast")) nulls = "last";
    else throw cursor.fail('expecting "asc", "desc", "nullsfirst" or "nullslast"');
    if (direction !== null && cursor.eat(".")) {
      if (cursor.eat("nullsfirst")) nulls = "first";
      else if (cursor.eat("nullslast")) nulls = "last";
      else throw cursor.fail('expecting "nullsfirst" or "nullslast"');
    }
  }
  cursor.skipSpaces();
  if (!cursor.done && cursor.peek() !== ",") throw cursor.fail('expecting "," or end of input');
  return relation === undefined
    ? { path, column, jsonPath, direction, nulls }
    : { path, relation, column, jsonPath, direction, nulls };
}
