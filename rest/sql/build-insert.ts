import { quoteIdent } from "@/lib/engines/sql";
import type { InsertGroup, InsertPlan } from "@/rest/plan/write-types";
import { filtersSql } from "./mutation-where";
import { payloadArray, payloadRowsAt } from "./payload-sql";
import { Params, qualifiedName, type Statement } from "./statement";
import { returningSql, wrapWrite } from "./build-write";

/**
 * POST and PUT: the payload arrives as one JSON parameter (its text as sent), typed by json_populate_recordset against the
 * table's own row type (PostgreSQL's input conversion for every column, no type names in our SQL). Only a
 * group's columns are named, leaving the others to their defaults.
 */
export function buildInsertStatement(plan: InsertPlan): Statement {
  const params = new Params();
  const table = qualifiedName(plan.table);
  const payload = params.add(plan.payloadJson);
  const mutations = plan.groups.map(
    (group) => `${insertSql(plan, group, table, payload, params)}${returningSql(plan.returning, table)}`,
  );
  return wrapWrite(mutations, plan.returning, params.values);
}

function insertSql(plan: InsertPlan, group: InsertGroup, table: string, payload: string, params: Params): string {
  const names = group.columns.map(quoteIdent).join(", ");
  const target = group.columns.length > 0 ? `${table} (${names})` : table;
  const parts = [`insert into ${target} select${names ? ` ${names}` : ""}`];
  const rows = group.rows === null ? payloadArray(payload) : payloadRowsAt(payload, params.add(group.rows));
  parts.push(`from json_populate_recordset(null::${table}, ${rows}) pgrst_body`);
  const where = filtersSql(plan.sourceFilters, params);
  if (where) parts.push(`where ${where}`);
  if (plan.firstRowOnly) parts.push("limit 1");
  if (plan.conflict) parts.push(conflictSql(plan.conflict, plan.columns));
  return parts.join(" ");
}

function conflictSql(conflict: NonNullable<InsertPlan["conflict"]>, columns: string[]): string {
  const target = `on conflict (${conflict.target.map(quoteIdent).join(", ")})`;
  if (conflict.action === "ignore" || columns.length === 0) return `${target} do nothing`;
  return `${target} do update set ${columns.map((column) => `${quoteIdent(column)} = excluded.${quoteIdent(column)}`).join(", ")}`;
}
