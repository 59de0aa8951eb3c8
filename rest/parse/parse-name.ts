import { syntaxError } from "@/rest/respond/rest-error";

/**
 * A column or table name as written in the URL: letters, digits, `_` and `$` (any script), or a double-quoted
 * name without `"` inside. Names are later checked against the schema cache and always quoted with quoteIdent,
 * so this grammar exists to give clear 400s for anything else (`;`, `(`, spaces), never to make SQL safe.
 */
const BARE_NAME = /^[\p{L}\p{N}_$]+$/u;
const QUOTED_NAME = /^"([^"]+)"$/;

export function parseName(raw: string, where: string): string {
  const text = raw.trim();
  const quoted = QUOTED_NAME.exec(text);
  if (quoted?.[1]) return quoted[1];
  if (BARE_NAME.test(text)) return text;
  throw syntaxError(
    `failed to parse ${where}: ${JSON.stringify(raw)} is not a valid name`,
    'Use letters, digits and _ (or a double-quoted name); operators such as ::, -> and ( ) are not supported in this version',
  );
}
