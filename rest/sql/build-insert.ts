import { quoteIdent } from "@/lib/engines/sql";
import type { InsertPlan } from "@/rest/plan/types";
import { jsonBody, Params, qualifiedName, selectList, type Statement } from "./statement";

/**
 * POST /<table>: the rows arrive as one JSON parameter and are typed by json_populate_recordset against the
 * table's own row type, so every column gets PostgreSQL's input conversion. Only the payload's columns are
 * named, leaving the others to their defaults.
 */
export function buildInsertStatement(plan: InsertPlan): Statement {
  const params = new Params();
  const table = qualifiedName(plan.table);
  const names = plan.columns.map(quoteIdent).join(", ");
  const target = plan.columns.length > 0 ? `${table} (${names})` : table;
  const source = `select${names ? ` ${names}` : ""} from json_populate_recordset(null::${table}, ${params.add(plan.rowsJson)}::json)`;
  const insert = `insert into ${target} ${source}`;
  if (plan.returning === null) return { text: insert, values: params.values };
  const text = `with _inserted as (${insert} returning *) ${jsonBody(`select ${selectList(plan.returning, params)} from _inserted`)}`;
  return { text, values: params.values };
}
