import { z } from "zod";
import { parseInput } from "./parse-input";

export const MAX_PAGE_SIZE = 200;
export const DEFAULT_PAGE_SIZE = 50;

/** `?limit=&offset=` on every list route; the same contract everywhere (docs/api.md). */
export const PageQuery = z.object({
  limit: z.coerce
    .number("limit must be a whole number")
    .int("limit must be a whole number")
    .min(1, "limit must be at least 1")
    .max(MAX_PAGE_SIZE, `limit must be at most ${MAX_PAGE_SIZE}`)
    .default(DEFAULT_PAGE_SIZE),
  offset: z.coerce
    .number("offset must be a whole number")
    .int("offset must be a whole number")
    .min(0, "offset must be 0 or more")
    .default(0),
});
export type PageQuery = z.output<typeof PageQuery>;

export type Page<T> = { data: T[]; page: { limit: number; offset: number; nextOffset: number | null } };

export function pageQueryFrom(url: URL | string): PageQuery {
  const params = (typeof url === "string" ? new URL(url) : url).searchParams;
  return parseInput(PageQuery, { limit: params.get("limit") ?? undefined, offset: params.get("offset") ?? undefined });
}

/** Verbs fetch `limit + 1` rows: the extra row only tells whether another page exists. */
export function toPage<T>(rows: T[], query: PageQuery): Page<T> {
  const more = rows.length > query.limit;
  return {
    data: more ? rows.slice(0, query.limit) : rows,
    page: { limit: query.limit, offset: query.offset, nextOffset: more ? query.offset + query.limit : null },
  };
}
