import { pgbenchLiteral } from "./pgbench";
import type { Statement } from "@/rest/sql/statement";

/** A value that becomes a pgbench variable instead of a literal, e.g. `{ variable: "id" }` for `:id`. */
export type PgbenchVariable = { variable: string };

/**
 * rest's request transaction as a pgbench script: BEGIN; the set_config preamble; the statement; COMMIT.
 * Bound values become literals (pgbench cannot bind strings) except those named as variables, which pgbench
 * binds as parameters in -M extended/prepared. `pipelined` sends the four statements in one round trip,
 * as rest's pipelined pool does (pgbench supports that only in extended/prepared mode).
 */
export function requestTransactionScript(input: {
  preamble: Statement;
  statement: Statement;
  variables?: Map<unknown, PgbenchVariable>;
  setup?: string[];
  pipelined?: boolean;
}): string {
  const inline = (statement: Statement) =>
    statement.text.replace(/\$(\d+)/g, (_, n: string) => {
      const value = statement.values[Number(n) - 1];
      const variable = input.variables?.get(value);
      return variable ? `:${variable.variable}` : literalOf(value);
    });
  const body = ["BEGIN;", `${inline(input.preamble)};`, `${inline(input.statement)};`, "COMMIT;"];
  const lines = [...(input.setup ?? []), ...(input.pipelined ? ["\\startpipeline", ...body, "\\endpipeline"] : body)];
  return `${lines.join("\n")}\n`;
}

function literalOf(value: unknown): string {
  if (typeof value === "number" || typeof value === "bigint") return String(value);
  if (typeof value === "string") return pgbenchLiteral(value);
  if (Array.isArray(value))
    return pgbenchLiteral(`{${value.map((v) => `"${String(v).replaceAll('"', '\\"')}"`).join(",")}}`);
  if (value === null) return "null";
  return pgbenchLiteral(JSON.stringify(value));
}
