import { syntaxError } from "@/rest/respond/rest-error";
import type { SelectItem } from "./ast";
import { parseName } from "./parse-name";

const UNSUPPORTED: Array<[RegExp, string]> = [
  [/\(/, "resource embedding (table(columns)) is not supported yet"],
  [/::/, "casts (column::type) are not supported yet"],
  [/->/, "JSON paths (column->key) are not supported yet"],
  [/^\.\.\./, "spreads (...table) are not supported yet"],
];

/** `select=*` | `select=a,b,alias:c`. A missing or empty parameter means every column. */
export function parseSelect(raw: string | null): SelectItem[] {
  if (raw === null || raw.trim() === "") return [{ kind: "star" }];
  const where = `select parameter (${raw})`;
  return raw.split(",").map((part) => {
    const item = part.trim();
    if (item === "*") return { kind: "star" };
    for (const [pattern, reason] of UNSUPPORTED) {
      if (pattern.test(item)) throw syntaxError(`failed to parse ${where}: ${reason}`);
    }
    const colon = item.indexOf(":");
    if (colon === -1) return { kind: "column", column: parseName(item, where), alias: null };
    return {
      kind: "column",
      alias: parseName(item.slice(0, colon), where),
      column: parseName(item.slice(colon + 1), where),
    };
  });
}

/** POST's `columns=a,b` (postgrest-js sends it for arrays): the inserted columns, whatever keys each row has. */
export function parseColumns(raw: string | null): string[] | null {
  if (raw === null) return null;
  const where = `columns parameter (${raw})`;
  return raw.split(",").map((name) => parseName(name, where));
}
