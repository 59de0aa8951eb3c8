import type { DeletePlan } from "@/rest/plan/write-types";
import { returningSql, wrapWrite } from "./build-write";
import { mutationWhere } from "./mutation-where";
import { Params, qualifiedName, type Statement } from "./statement";

/** DELETE: the filters (and ordered window) select the rows; RETURNING feeds the response. */
export function buildDeleteStatement(plan: DeletePlan): Statement {
  const params = new Params();
  const table = qualifiedName(plan.table);
  const text = `delete from ${table}${mutationWhere(plan.target, table, params)}${returningSql(plan.returning, table)}`;
  return wrapWrite([text], plan.returning, params.values);
}
