import type { EmbedPath, Filter, LogicTree } from "./ast";
import { type Cursor, parseWhole } from "./cursor";
import { readField } from "./parse-field";
import { readLogicValue, readOperation } from "./parse-operation";

/** Deep enough for any real query; stops a crafted `or=(or(or(…)))` from exhausting the stack. */
const MAX_DEPTH = 32;

/**
 * `or=(a.eq.1,and(b.gt.2,not.or(c.is.null,d.in.(1,2))))`. The key carries the embed path and the outer
 * operator (`author.not.or`); the value is the parenthesised list of conditions.
 */
export function parseLogicTree(raw: string, path: EmbedPath, operator: "and" | "or", negated: boolean): LogicTree {
  return parseWhole(
    raw,
    `logic tree (${raw})`,
    (cursor) => ({ kind: "logic", path, operator, negated, children: readChildren(cursor, path, 1) }),
    "end of input",
  );
}

function readChildren(cursor: Cursor, path: EmbedPath, depth: number): Array<Filter | LogicTree> {
  if (depth > MAX_DEPTH) throw cursor.fail(`logic trees nest at most ${MAX_DEPTH} deep`);
  cursor.skipSpaces();
  cursor.expect("(");
  const children: Array<Filter | LogicTree> = [];
  do {
    cursor.skipSpaces();
    children.push(readCondition(cursor, path, depth));
    cursor.skipSpaces();
  } while (cursor.eat(","));
  cursor.expect(")", '"," or ")"');
  cursor.skipSpaces();
  return children;
}

function readCondition(cursor: Cursor, path: EmbedPath, depth: number): Filter | LogicTree {
  const nested = /^(not\.)?(and|or)\(/.exec(cursor.text.slice(cursor.pos));
  if (nested) {
    cursor.pos += nested[0].length - 1;
    const operator = nested[2] === "and" ? "and" : "or";
    return {
      kind: "logic",
      path,
      operator,
      negated: Boolean(nested[1]),
      children: readChildren(cursor, path, depth + 1),
    };
  }
  const field = readField(cursor);
  cursor.expect(".", "delimiter (.)");
  return { path, column: field.column, jsonPath: field.jsonPath, ...readOperation(cursor, readLogicValue) };
}
