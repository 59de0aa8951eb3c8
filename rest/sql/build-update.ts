import { quoteIdent } from "@/lib/engines/sql";
import type { UpdatePlan } from "@/rest/plan/write-types";
import { returningSql, wrapWrite } from "./build-write";
import { mutationWhere } from "./mutation-where";
import { payloadFirstObject } from "./payload-sql";
import { Params, qualifiedName, type Statement } from "./statement";

/**
 * PATCH: the payload is one bound JSON object, typed by json_populate_record against the table's row type
 * and read in a row sub-select (no FROM clause, so the filters' column names stay unambiguous).
 */
export function buildUpdateStatement(plan: UpdatePlan): Statement {
  const params = new Params();
  const table = qualifiedName(plan.table);
  if (plan.columns.length === 0) {
    // Nothing to set: PostgREST changes no row and answers as for an empty match.
    return wrapWrite(
      [`select ${table}.* from ${table} where false`],
      { ...plan.returning, countInserted: false },
      params.values,
    );
  }
  const names = plan.columns.map(quoteIdent).join(", ");
  const row = `(select ${names} from json_populate_record(null::${table}, ${payloadFirstObject(params.add(plan.payloadJson))}))`;
  const update = `update ${table} set (${names}) = ${row}${mutationWhere(plan.target, table, params)}`;
  return wrapWrite([`${update}${returningSql(plan.returning, table)}`], plan.returning, params.values);
}
