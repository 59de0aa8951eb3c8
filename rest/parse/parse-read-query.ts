import { syntaxError } from "@/rest/respond/rest-error";
import type { Filter, ReadQuery } from "./ast";
import { parseFilter } from "./parse-filter";
import { parseOrder } from "./parse-order";
import { parseSelect } from "./parse-select";

const NOT_YET: Readonly<Record<string, string>> = {
  or: "logical trees (or=...) are not supported yet",
  and: "logical trees (and=...) are not supported yet",
  on_conflict: "on_conflict (upsert) is not supported yet",
};

/** The query string of GET/HEAD /<table>: select, order, limit, offset, and every other key as a filter. */
export function parseReadQuery(params: URLSearchParams): ReadQuery {
  const filters: Filter[] = [];
  for (const [key, value] of params) {
    // `columns` only means something on POST; PostgREST ignores it elsewhere.
    if (key === "select" || key === "order" || key === "limit" || key === "offset" || key === "columns") continue;
    const notYet = NOT_YET[key];
    if (notYet) throw syntaxError(`failed to parse ${key} parameter: ${notYet}`);
    filters.push(parseFilter(key, value));
  }
  return {
    select: parseSelect(params.get("select")),
    filters,
    order: parseOrder(params.get("order")),
    limit: parseCount(params.get("limit"), "limit"),
    offset: parseCount(params.get("offset"), "offset"),
  };
}

function parseCount(raw: string | null, name: "limit" | "offset"): number | null {
  if (raw === null) return null;
  if (!/^[0-9]{1,15}$/.test(raw)) {
    throw syntaxError(`failed to parse ${name} parameter (${raw}): expected a non-negative whole number`);
  }
  return Number(raw);
}
