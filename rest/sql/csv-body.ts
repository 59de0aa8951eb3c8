import type { BodyShape } from "./statement";

/**
 * Wraps a row source so PostgreSQL returns it as CSV in PostgREST's shape: a header line of the column names
 * joined by commas, then one line per row in PostgreSQL's record text form with the parentheses stripped
 * (so quoting and NULLs are exactly PostgREST's), lines joined by `\n`, no trailing newline. With no rows
 * the header is empty (PostgREST takes the names from the first row), so the body is a single `\n`.
 */
export const csvBody: BodyShape = (source, total = "null::bigint") =>
  `with _src as (${source}) select ` +
  `(select coalesce(string_agg(_k.k, ','), '') from ` +
  `(select json_object_keys(row_to_json(_h)) as k from (select * from _src limit 1) _h) _k)` +
  ` || E'\\n' || coalesce(string_agg(substring(_r::text, 2, length(_r::text) - 2), E'\\n'), '') as body, ` +
  `count(*) as page_total, ${total} as total from _src _r`;
