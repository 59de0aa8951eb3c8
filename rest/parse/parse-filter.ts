import type { EmbedPath, Field, Filter } from "./ast";
import { parseWhole } from "./cursor";
import { readFieldName, readJsonPath } from "./parse-field";
import { readOperation, readToEnd } from "./parse-operation";

/** A parameter key: `col`, `data->a->>b`, `author.col` (embed names, then the field and its JSON path). */
export function parseKeyPath(key: string): { path: EmbedPath; field: Field } {
  return parseWhole(
    key,
    `tree path (${key})`,
    (cursor) => {
      const names = [readFieldName(cursor)];
      while (cursor.eat(".")) names.push(readFieldName(cursor));
      const jsonPath = readJsonPath(cursor);
      const column = names.pop() ?? "";
      return { path: names, field: { column, jsonPath } };
    },
    '".", "->" or end of input',
  );
}

/**
 * One `key=[not.]operator.value` parameter. The value after the operator is taken verbatim (dots, quotes, SQL
 * included) because it is only ever bound as a parameter.
 */
export function parseFilter(key: string, raw: string): Filter {
  const { path, field } = parseKeyPath(key);
  const operation = parseWhole(raw, `filter (${raw})`, (cursor) => readOperation(cursor, readToEnd), "end of input");
  return { path, column: field.column, jsonPath: field.jsonPath, ...operation };
}
