import { describe, expect, it } from "vitest";
import type { RpcPlan } from "@/rest/plan/plan-rpc";
import type { FunctionInfo } from "@/rest/schema-cache/types";
import { buildRpcStatement } from "./build-rpc";

const fn = (extra: Partial<FunctionInfo>): FunctionInfo => ({
  schema: "t_x_api",
  name: 'we"ird',
  params: [{ name: "a", type: "integer", required: true, isArray: false }],
  returns: { kind: "scalar", type: "integer" },
  returnsSet: false,
  volatility: "volatile",
  ...extra,
});
const plan = (extra: Partial<RpcPlan>): RpcPlan => ({
  fn: fn({}),
  args: { kind: "named", values: [{ name: "a", value: "1; drop table x" }] },
  projection: { kind: "star" },
  filters: [],
  logic: [],
  order: [],
  limit: 10,
  offset: 0,
  readOnly: false,
  ...extra,
});

describe("buildRpcStatement", () => {
  it("quotes the function name and binds every argument by name", () => {
    const statement = buildRpcStatement(plan({}));
    expect(statement.text).toBe(
      `select to_json("t_x_api"."we""ird"("a" => $1))::text as body, 1 as page_total, 1 as total`,
    );
    expect(statement.values).toEqual(["1; drop table x"]);
  });

  it("casts the whole body to the single unnamed parameter's json type", () => {
    const single = fn({ params: [{ name: "", type: "jsonb", required: true, isArray: false }] });
    const statement = buildRpcStatement(plan({ fn: single, args: { kind: "whole-body", json: '{"x":1}' } }));
    expect(statement.text).toContain(`"we""ird"($1::jsonb)`);
    expect(statement.values).toEqual(['{"x":1}']);
  });

  it("filters, orders and pages a set-returning composite inside one statement with the total", () => {
    const setof = fn({ returns: { kind: "composite", columns: ["id"] }, returnsSet: true });
    const statement = buildRpcStatement(
      plan({
        fn: setof,
        filters: [{ path: [], column: "id", jsonPath: [], negated: false, operator: "gt", value: "2" }],
        order: [{ path: [], column: "id", jsonPath: [], direction: "desc", nulls: null }],
        offset: 5,
      }),
    );
    expect(statement.text).toBe(
      `with _source as materialized (select * from "t_x_api"."we""ird"("a" => $1) as _f where "id" > $2) ` +
        `select coalesce(json_agg(_r), '[]')::text as body, count(*) as page_total, (select count(*) from _source) as total ` +
        `from (select * from _source order by "id" desc limit $3 offset $4) _r`,
    );
    expect(statement.values).toEqual(["1; drop table x", "2", 10, 5]);
  });
});
