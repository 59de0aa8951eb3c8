import { syntaxError } from "@/rest/respond/rest-error";
import type { EmbedPage, EmbedPath, Filter, LogicTree, OrderTerm, ReadQuery } from "./ast";
import { parseWhole } from "./cursor";
import { readFieldName } from "./parse-field";
import { parseFilter } from "./parse-filter";
import { parseLogicTree } from "./parse-logic";
import { parseOrder } from "./parse-order";
import { parseSelect } from "./parse-select";

/** Keys that are never filters (as PostgREST's `reserved`); `columns`/`on_conflict` only mean something on POST. */
const RESERVED = new Set(["select", "columns", "on_conflict"]);
/** Keys whose last segment makes them per-embed settings rather than filters: `author.order`, `not.or`. */
const EMBEDDABLE = new Set(["order", "limit", "offset", "and", "or"]);

/**
 * The query string of GET/HEAD /<table> (and the filters of PATCH/DELETE): select, order, limit, offset,
 * logic trees, and every other key as a filter. Any failure is a 400 PGRST100 naming the parameter.
 */
export function parseReadQuery(params: URLSearchParams): ReadQuery {
  const filters: Filter[] = [];
  const logic: LogicTree[] = [];
  const order: OrderTerm[] = [];
  const embedPages: EmbedPage[] = [];
  for (const [key, value] of params) {
    if (RESERVED.has(key)) continue;
    const segments = key.split(".");
    const last = segments.at(-1) ?? "";
    if (!EMBEDDABLE.has(last)) {
      filters.push(parseFilter(key, value));
      continue;
    }
    const path = parsePrefix(key, segments.slice(0, -1));
    if (last === "order") order.push(...parseOrder(value, path));
    else if (last === "and" || last === "or") {
      const negated = path.at(-1) === "not";
      logic.push(parseLogicTree(value, negated ? path.slice(0, -1) : path, last, negated));
    } else if (path.length > 0) {
      const number = parseWholeNumber(value, last === "limit" ? "limit" : "offset");
      embedPages.push({ path, limit: last === "limit" ? number : null, offset: last === "offset" ? number : null });
    }
  }
  return {
    select: parseSelect(params.get("select")),
    filters,
    logic,
    order,
    limit: parseWholeNumber(params.get("limit"), "limit"),
    offset: parseWholeNumber(params.get("offset"), "offset"),
    embedPages,
  };
}

function parsePrefix(key: string, segments: string[]): EmbedPath {
  return segments.map((segment) => parseWhole(segment, `tree path (${key})`, readFieldName, '"." or end of input'));
}

/** limit may be negative (PostgREST then answers 416); anything not an integer is refused. */
function parseWholeNumber(raw: string | null, name: "limit" | "offset"): number | null {
  if (raw === null) return null;
  const pattern = name === "limit" ? /^-?[0-9]{1,15}$/ : /^[0-9]{1,15}$/;
  if (!pattern.test(raw.trim())) {
    throw syntaxError(
      `failed to parse ${name} parameter (${raw})`,
      `expected a ${name === "limit" ? "" : "non-negative "}whole number`,
    );
  }
  return Number(raw.trim());
}
