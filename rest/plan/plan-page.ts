import type { RangeHeader } from "@/rest/parse/parse-range-header";
import { RestError } from "@/rest/respond/rest-error";
import type { Page } from "./types";

const rangeNotSatisfiable = (details: string) =>
  new RestError(416, { code: "PGRST103", message: "Requested range not satisfiable", details });

/**
 * PostgREST's page arithmetic: the rows asked for by limit/offset intersected with the Range header, then
 * capped at db-max-rows. `limit=0` is always an empty page at offset 0; any other empty intersection is 416.
 */
export function planPage(
  query: { limit: number | null; offset: number | null },
  range: RangeHeader | null,
  maxRows: number,
): Page {
  if (query.limit === 0) return { offset: 0, limit: 0 };
  const lower = query.offset ?? 0;
  const upper = query.limit === null ? Infinity : lower + query.limit - 1;
  const first = Math.max(lower, range?.first ?? 0);
  const last = Math.min(upper, range?.last ?? Infinity);
  if (last < first) {
    throw rangeNotSatisfiable(
      query.limit !== null && query.limit < 0
        ? "Limit should be greater than or equal to zero."
        : "The lower boundary must be lower than or equal to the upper boundary in the Range header.",
    );
  }
  const capped = Math.min(last, first + maxRows - 1);
  return { offset: first, limit: capped === Infinity ? null : capped - first + 1 };
}

/** The 416 PostgREST answers when a counted read starts past the last row. */
export function offsetPastEnd(offset: number, total: number): RestError {
  return rangeNotSatisfiable(`An offset of ${offset} was requested, but there are only ${total} rows.`);
}
