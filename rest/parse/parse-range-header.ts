/** A `Range: <first>-[<last>]` header; anything else is ignored, as PostgREST does. `last` null = open. */
export type RangeHeader = { first: number; last: number | null };

const RANGE = /^([0-9]{1,15})-([0-9]{0,15})$/;

export function parseRangeHeader(header: string | string[] | undefined): RangeHeader | null {
  const value = Array.isArray(header) ? header[0] : header;
  const match = value === undefined ? null : RANGE.exec(value.trim());
  if (!match) return null;
  return { first: Number(match[1]), last: match[2] === "" ? null : Number(match[2]) };
}
