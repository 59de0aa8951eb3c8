import { syntaxError } from "@/rest/respond/rest-error";
import type { ComparisonOperator, Filter, IsValue } from "./ast";
import { parseName } from "./parse-name";
import { parseInList } from "./parse-in-list";

const COMPARISONS: ReadonlySet<string> = new Set<ComparisonOperator>(["eq", "neq", "gt", "gte", "lt", "lte", "like", "ilike"]);
const IS_VALUES: ReadonlySet<string> = new Set<IsValue>(["null", "not_null", "true", "false", "unknown"]);
const SUPPORTED = "eq, neq, gt, gte, lt, lte, like, ilike, is, in (each optionally preceded by not.)";

/**
 * One `column=[not.]operator.value` parameter. The value after the operator is taken verbatim (it may contain
 * dots, quotes or SQL) because it is only ever bound as a parameter.
 */
export function parseFilter(key: string, raw: string): Filter {
  const where = `filter (${key}=${raw})`;
  const column = parseName(key, where);
  const negated = raw.startsWith("not.");
  const rest = negated ? raw.slice(4) : raw;
  const dot = rest.indexOf(".");
  if (dot === -1) {
    throw syntaxError(`failed to parse ${where}: expected operator.value`, `Supported operators: ${SUPPORTED}`);
  }
  const operator = rest.slice(0, dot);
  const value = rest.slice(dot + 1);
  if (COMPARISONS.has(operator)) {
    const comparison = operator as ComparisonOperator;
    // PostgREST lets clients write * for the SQL wildcard, which is awkward to put in a URL.
    const bound = comparison === "like" || comparison === "ilike" ? value.replace(/\*/g, "%") : value;
    return { column, negated, operator: comparison, value: bound };
  }
  if (operator === "is") {
    const lowered = value.toLowerCase();
    if (!IS_VALUES.has(lowered)) {
      throw syntaxError(`failed to parse ${where}: is. takes null, not_null, true, false or unknown`);
    }
    return { column, negated, operator: "is", value: lowered as IsValue };
  }
  if (operator === "in") return { column, negated, operator: "in", values: parseInList(value, where) };
  throw syntaxError(`failed to parse ${where}: unknown operator "${operator}"`, `Supported operators: ${SUPPORTED}`);
}
