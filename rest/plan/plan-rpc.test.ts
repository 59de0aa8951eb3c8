import { describe, expect, it } from "vitest";
import type { ReadQuery } from "@/rest/parse/ast";
import { RestError } from "@/rest/respond/rest-error";
import type { FunctionInfo, FunctionParam } from "@/rest/schema-cache/types";
import { planRpc, splitQueryArguments, type RpcArguments } from "./plan-rpc";

const param = (name: string, type = "integer", required = true, isArray = false): FunctionParam => ({
  name,
  type,
  required,
  isArray,
});
const fn = (name: string, params: FunctionParam[], extra: Partial<FunctionInfo> = {}): FunctionInfo => ({
  schema: "api",
  name,
  params,
  returns: { kind: "scalar", type: "integer" },
  returnsSet: false,
  volatility: "volatile",
  ...extra,
});

const functions = new Map<string, FunctionInfo[]>([
  ["add", [fn("add", [param("a"), param("b")]), fn("add", [param("a"), param("b"), param("c")])]],
  ["greet", [fn("greet", [param("name", "text", false)])]],
  ["mult", [fn("mult", [param("", "json")])]],
  ["ambig", [fn("ambig", [param("a")]), fn("ambig", [param("a", "text")])]],
  ["arr", [fn("arr", [param("xs", "integer[]", true, true)])]],
  [
    "items",
    [
      fn("items", [], {
        returns: { kind: "composite", columns: ["id", "name"] },
        returnsSet: true,
        volatility: "stable",
      }),
    ],
  ],
]);

const query: ReadQuery = { select: [{ kind: "star" }], filters: [], logic: [], order: [], limit: null, offset: null };
const plan = (name: string, args: RpcArguments, method: "GET" | "POST" = "POST") =>
  planRpc({ name, method, args, query }, "api", functions, 100);
const body = (value: unknown): RpcArguments => ({ kind: "body", body: value });

function refusal(run: () => unknown): RestError {
  try {
    run();
  } catch (error) {
    if (error instanceof RestError) return error;
  }
  throw new Error("expected a RestError");
}

describe("planRpc", () => {
  it("picks the overload whose parameter names match the arguments exactly", () => {
    expect(plan("add", body({ a: 1, b: 2 })).fn.params).toHaveLength(2);
    expect(plan("add", body({ a: 1, b: 2, c: 3 })).fn.params).toHaveLength(3);
  });

  it("binds arguments by name as text, JSON arrays of array parameters as array literals", () => {
    expect(plan("add", body({ b: 2, a: 1.5 })).args).toEqual({
      kind: "named",
      values: [
        { name: "a", value: "1.5" },
        { name: "b", value: "2" },
      ],
    });
    expect(plan("arr", body({ xs: [1, null, 'q"t'] })).args).toEqual({
      kind: "named",
      values: [{ name: "xs", value: '{"1",NULL,"q\\"t"}' }],
    });
  });

  it("calls with the first object of an array body, and only the ?columns keys when given", () => {
    expect(
      plan(
        "add",
        body([
          { a: 1, b: 2 },
          { a: 3, b: 4 },
        ]),
      ).args,
    ).toMatchObject({ values: [{ value: "1" }, { value: "2" }] });
    const call = {
      name: "greet",
      method: "POST" as const,
      args: body({ name: "x", other: 1 }),
      query,
      columns: ["name"],
    };
    expect(planRpc(call, "api", functions, 100).args).toEqual({
      kind: "named",
      values: [{ name: "name", value: "x" }],
    });
  });

  it("lets parameters with defaults be omitted", () => {
    expect(plan("greet", body({})).args).toEqual({ kind: "named", values: [] });
  });

  it("passes the whole body to a single unnamed json parameter on POST only", () => {
    expect(plan("mult", body({ x: 4 })).args).toEqual({ kind: "whole-body", json: '{"x":4}' });
    expect(refusal(() => plan("mult", { kind: "query", pairs: [["x", "4"]] }, "GET")).code).toBe("PGRST202");
  });

  it("is 300 PGRST203 when overloads share argument names", () => {
    const error = refusal(() => plan("ambig", body({ a: 1 })));
    expect(error.status).toBe(300);
    expect(error.message).toBe(
      "Could not choose the best candidate function between: api.ambig(a => integer), api.ambig(a => text)",
    );
  });

  it("is 404 PGRST202 with sorted keys and PostgREST's details", () => {
    const error = refusal(() => plan("add", body({ x: 1, a: 2 })));
    expect(error.toBody()).toEqual({
      code: "PGRST202",
      message: "Could not find the function api.add(a, x) in the schema cache",
      details:
        "Searched for the function api.add with parameters a, x or with a single unnamed json/jsonb parameter, but no matches were found in the schema cache.",
      hint: "Perhaps you meant to call the function api.add(a, b)",
    });
  });

  it("suggests a close function name, and nothing for an unrelated one", () => {
    expect(refusal(() => plan("itemz", body({}), "GET")).hint).toBe("Perhaps you meant to call the function api.items");
    expect(refusal(() => plan("zzzzzzzz", body({}))).hint).toBeNull();
  });

  it("runs GET and STABLE functions read-only, volatile POSTs read-write", () => {
    expect(plan("items", { kind: "query", pairs: [] }, "GET").readOnly).toBe(true);
    expect(plan("items", body({})).readOnly).toBe(true);
    expect(plan("add", body({ a: 1, b: 2 })).readOnly).toBe(false);
  });

  it("checks select and filter columns against the function's result columns", () => {
    const call = { name: "items", method: "GET" as const, args: { kind: "query" as const, pairs: [] } };
    const bad = {
      ...query,
      filters: [{ path: [], column: "nope", jsonPath: [], negated: false, operator: "eq" as const, value: "1" }],
    };
    expect(refusal(() => planRpc({ ...call, query: bad }, "api", functions, 100)).code).toBe("42703");
  });
});

describe("splitQueryArguments", () => {
  const isFilter = (_key: string, value: string) => /^(not\.)?[a-z]+\./.test(value);

  it("treats values that are not filters as arguments, the rest as filters (a key may be both)", () => {
    const params = new URLSearchParams("a=1&a=gt.2&id=eq.3&zz=9&select=id&limit=2");
    const { args, rest } = splitQueryArguments(params, isFilter);
    expect(args).toEqual([
      ["a", "1"],
      ["zz", "9"],
    ]);
    expect(rest.toString()).toBe("a=gt.2&id=eq.3&select=id&limit=2");
  });
});
