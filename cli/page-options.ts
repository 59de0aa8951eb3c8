import type { Command } from "commander";
import { CliError } from "./errors";

export type PageOptions = { limit?: string; offset?: string };
export type Paged<T> = { data: T[]; page: { limit: number; offset: number; nextOffset: number | null } };

/** `--limit` / `--offset` on every list command, passed through to the API's pagination. */
export const withPageOptions = (command: Command): Command =>
  command.option("--limit <n>", "rows per page (1-200, default 50)").option("--offset <n>", "rows to skip (default 0)");

export function pageQuery(opts: PageOptions): string {
  const params = new URLSearchParams();
  for (const name of ["limit", "offset"] as const) {
    const value = opts[name];
    if (value === undefined) continue;
    if (!/^\d+$/.test(value)) throw new CliError(`--${name} "${value}" is not a whole number.`, undefined, 2);
    params.set(name, value);
  }
  const text = params.toString();
  return text ? `?${text}` : "";
}

/** The line under a table that says how to get the next page, if there is one. */
export const morePagesHint = (page: Paged<unknown>["page"]): string =>
  page.nextOffset === null ? "" : `\n(more: --offset ${page.nextOffset} --limit ${page.limit})`;
