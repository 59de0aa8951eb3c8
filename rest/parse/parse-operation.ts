import type { FtsOperator, IsValue, Predicate, QuantifiableOperator, SimpleOperator } from "./ast";
import type { Cursor } from "./cursor";
import { readQuoted } from "./parse-field";
import { readInList } from "./parse-in-list";

const SIMPLE: ReadonlySet<string> = new Set<SimpleOperator>([
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
  "isdistinct",
  "cs",
  "cd",
  "ov",
  "sl",
  "sr",
  "nxr",
  "nxl",
  "adj",
]);
const QUANTIFIABLE: ReadonlySet<string> = new Set<QuantifiableOperator>([
  "eq",
  "like",
  "ilike",
  "gt",
  "gte",
  "lt",
  "lte",
  "match",
  "imatch",
]);
const FTS: ReadonlySet<string> = new Set<FtsOperator>(["fts", "plfts", "phfts", "wfts"]);
const IS_VALUES: ReadonlySet<string> = new Set<IsValue>(["null", "not_null", "true", "false", "unknown"]);
const LANGUAGE = /^[\p{L}\p{N}_$ ]+$/u;

/** How a value ends: the whole rest of a top-level parameter, or the next `,`/`)` inside a logic tree. */
export type ValueReader = (cursor: Cursor) => string;

export const readToEnd: ValueReader = (cursor) => cursor.rest();

/** Inside `or=(…)`: a quoted value, a `{…}` array literal, or characters up to `,` or `)`. */
export const readLogicValue: ValueReader = (cursor) => {
  if (cursor.peek() === '"') return readQuoted(cursor);
  const start = cursor.pos;
  if (cursor.peek() === "{") {
    const close = cursor.text.indexOf("}", cursor.pos);
    if (close === -1) throw cursor.fail('expecting "}"');
    cursor.pos = close + 1;
    return cursor.text.slice(start, cursor.pos);
  }
  while (!cursor.done && cursor.peek() !== "," && cursor.peek() !== ")") cursor.pos += 1;
  return cursor.text.slice(start, cursor.pos);
};

/** `[not.]operator[(modifier)].value` → negation and predicate. `*` in like/ilike patterns means `%`. */
export function readOperation(cursor: Cursor, readValue: ValueReader): { negated: boolean } & Predicate {
  const negated = cursor.eat("not.");
  const start = cursor.pos;
  const name = /^[a-z_]*/i.exec(cursor.text.slice(cursor.pos))?.[0] ?? "";
  cursor.pos += name.length;
  if (name === "in") {
    cursor.expect(".", "delimiter (.)");
    return { negated, operator: "in", values: readInList(cursor) };
  }
  if (name === "is") {
    cursor.expect(".", "delimiter (.)");
    const valueStart = cursor.pos;
    const value = readValue(cursor).toLowerCase();
    if (!IS_VALUES.has(value)) throw cursor.fail("expecting null or trilean value (unknown, true, false)", valueStart);
    return { negated, operator: "is", value: value as IsValue };
  }
  if (FTS.has(name)) {
    let language: string | null = null;
    if (cursor.eat("(")) {
      const close = cursor.text.indexOf(")", cursor.pos);
      language = close === -1 ? "" : cursor.text.slice(cursor.pos, close).trim();
      if (!LANGUAGE.test(language)) throw cursor.fail("expecting a text search configuration name such as english");
      cursor.pos = close + 1;
    }
    cursor.expect(".", "delimiter (.)");
    return { negated, operator: name as FtsOperator, language, value: readValue(cursor) };
  }
  if (!SIMPLE.has(name)) {
    throw cursor.fail(`unknown single value operator ${name || cursor.text.slice(start)}`, start);
  }
  let quantifier: "any" | "all" | null = null;
  if (cursor.startsWith("(")) {
    if (!QUANTIFIABLE.has(name)) throw cursor.fail(`operator ${name} takes no (any)/(all) modifier`);
    if (cursor.eat("(any)")) quantifier = "any";
    else if (cursor.eat("(all)")) quantifier = "all";
    else throw cursor.fail('expecting "(any)" or "(all)"');
  }
  cursor.expect(".", "delimiter (.)");
  const raw = readValue(cursor);
  const value = name === "like" || name === "ilike" ? raw.replace(/\*/g, "%") : raw;
  if (quantifier) return { negated, operator: name as QuantifiableOperator, quantifier, value };
  return { negated, operator: name as SimpleOperator, value };
}
