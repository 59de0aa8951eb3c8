import type { Filter, LogicTree, OrderTerm, ReadQuery } from "@/rest/parse/ast";
import { RestError } from "@/rest/respond/rest-error";
import type { FunctionInfo, FunctionParam, TableInfo } from "@/rest/schema-cache/types";
import { type EmbedScope, planResourceTree } from "./plan-embeds";
import { ambiguousFunction, functionNotFound, singleObjectFunctionNotFound } from "./rpc-not-found";
import type { EmbedPlan, Projection } from "./types";

/** How the caller supplied arguments: query-string pairs (GET/HEAD) or a JSON body (POST). */
export type RpcArguments = { kind: "query"; pairs: Array<[string, string]> } | { kind: "body"; body: unknown };

export type RpcCall = {
  name: string;
  method: "GET" | "HEAD" | "POST";
  args: RpcArguments;
  query: ReadQuery;
  /** POST `?columns=a,b`: only these body keys are arguments (PostgREST ignores the others). */
  columns?: string[] | null;
  /** `Prefer: params=single-object`: the whole body (GET: the arguments as one object) is the one json parameter. */
  singleObject?: boolean;
};

/** Bound arguments: by name (`fn(a => $1)`), or the whole body as the single unnamed json/jsonb parameter. */
export type RpcArgs =
  | { kind: "named"; values: Array<{ name: string; value: string | null; variadic?: boolean }> }
  | { kind: "whole-body"; json: string };

export type RpcPlan = {
  fn: FunctionInfo;
  args: RpcArgs;
  /** Only composite results with known columns have any; elsewhere naming a column is 400 42703. */
  projection: Projection;
  /** Embeds of a function returning a table's rows, by that table's relationships. */
  embeds?: EmbedPlan[];
  filters: Filter[];
  logic: LogicTree[];
  order: OrderTerm[];
  limit: number;
  offset: number;
  /** GET/HEAD, and POST to a STABLE or IMMUTABLE function, run in a READ ONLY transaction as in PostgREST. */
  readOnly: boolean;
};

/**
 * Resolves `/rpc/<name>` against the schema's functions as PostgREST does: the overload whose parameter names
 * cover every argument given and every required parameter; on POST, a function with a single unnamed
 * json/jsonb parameter is the fallback that receives the whole body. No match is 404 PGRST202; several are
 * 300 PGRST203.
 */
export function planRpc(
  call: RpcCall,
  schema: string,
  functions: Map<string, FunctionInfo[]>,
  maxRows: number,
  scope?: EmbedScope,
): RpcPlan {
  const { fn, args } = call.singleObject
    ? chooseSingleObject(call, schema, functions)
    : chooseByArguments(call, schema, functions);
  // A scalar, void or bare `record` result has no columns to name: select/filters/order on it are refused as
  // PostgREST refuses them (42703), never dropped, so a filter can never silently widen the answer.
  const shape = resultShape(fn, scope) ?? { schema: fn.schema, name: fn.name, kind: "table", columns: new Map() };
  const root = planResourceTree(call.query, shape, scope ?? null);
  return {
    fn,
    args,
    projection: root.projection,
    embeds: root.embeds,
    filters: root.filters,
    logic: root.logic,
    order: root.order,
    limit: Math.min(call.query.limit ?? maxRows, maxRows),
    offset: call.query.offset ?? 0,
    readOnly: call.method !== "POST" || fn.volatility !== "volatile",
  };
}

function chooseByArguments(
  call: RpcCall,
  schema: string,
  functions: Map<string, FunctionInfo[]>,
): { fn: FunctionInfo; args: RpcArgs } {
  const overloads = functions.get(call.name) ?? [];
  const given = argumentMap(call.args, call.columns ?? null);
  const keys = [...given.keys()];
  const named = overloads.filter((fn) => takesExactly(fn, keys));
  const fallback = call.args.kind === "body" ? overloads.filter(takesWholeBody) : [];
  const candidates = named.length > 0 ? named : fallback;
  const [fn] = candidates;
  if (!fn) throw functionNotFound(schema, call.name, keys, functions, call.args.kind === "body");
  if (candidates.length > 1) throw ambiguousFunction(candidates);
  const args: RpcArgs =
    named.length > 0
      ? {
          kind: "named",
          values: fn.params.filter((p) => given.has(p.name)).map((p) => boundArgument(p, call.args, given)),
        }
      : { kind: "whole-body", json: JSON.stringify(call.args.kind === "body" ? call.args.body : null) };
  return { fn, args };
}

/**
 * `Prefer: params=single-object`: the overload with exactly one json/jsonb parameter (named or not) receives
 * the body as sent (an array stays an array); on GET, the query-string arguments as an object of strings.
 */
function chooseSingleObject(
  call: RpcCall,
  schema: string,
  functions: Map<string, FunctionInfo[]>,
): { fn: FunctionInfo; args: RpcArgs } {
  const candidates = (functions.get(call.name) ?? []).filter(takesOneJson);
  const [fn] = candidates;
  if (!fn) throw singleObjectFunctionNotFound(schema, call.name);
  if (candidates.length > 1) throw ambiguousFunction(candidates);
  const body = call.args.kind === "body" ? call.args.body : Object.fromEntries(call.args.pairs);
  return { fn, args: { kind: "whole-body", json: JSON.stringify(body) } };
}

/**
 * On GET, as in PostgREST, a query-string pair is an argument unless its value reads as a filter
 * (`?id=5&id=gt.2`: argument id = 5, filter id > 2); `?a=1` on a function without `a` is therefore PGRST202.
 * A repeated argument keeps its last value.
 */
export function splitQueryArguments(
  params: URLSearchParams,
  isFilter: (key: string, value: string) => boolean,
): { args: Array<[string, string]>; rest: URLSearchParams } {
  const reserved = new Set(["select", "order", "limit", "offset", "columns", "or", "and", "on_conflict"]);
  const args: Array<[string, string]> = [];
  const rest = new URLSearchParams();
  for (const [key, value] of params) {
    if (!reserved.has(key) && !isFilter(key, value)) args.push([key, value]);
    else rest.append(key, value);
  }
  return { args, rest };
}

function argumentMap(args: RpcArguments, columns: string[] | null): Map<string, unknown> {
  if (args.kind === "query") return new Map(args.pairs);
  // An array body calls the function with its first object, as PostgREST does.
  const body: unknown = Array.isArray(args.body) ? args.body[0] : args.body;
  if (typeof body !== "object" || body === null || Array.isArray(body)) return new Map();
  const entries = Object.entries(body);
  return new Map(columns === null ? entries : entries.filter(([key]) => columns.includes(key)));
}

function takesExactly(fn: FunctionInfo, keys: string[]): boolean {
  const names = new Set(fn.params.map((p) => p.name));
  if (fn.params.some((p) => p.name === "")) return false;
  return keys.every((key) => names.has(key)) && fn.params.every((p) => !p.required || keys.includes(p.name));
}

function takesWholeBody(fn: FunctionInfo): boolean {
  return takesOneJson(fn) && fn.params[0]?.name === "";
}

function takesOneJson(fn: FunctionInfo): boolean {
  const [only] = fn.params;
  return fn.params.length === 1 && only !== undefined && (only.type === "json" || only.type === "jsonb");
}

function boundArgument(param: FunctionParam, args: RpcArguments, given: Map<string, unknown>) {
  // A repeated GET key fills a VARIADIC parameter in order; any other repeated key keeps its last value.
  const value =
    param.variadic && args.kind === "query"
      ? args.pairs.filter(([key]) => key === param.name).map(([, v]) => v)
      : given.get(param.name);
  return { name: param.name, value: argumentText(value, param), ...(param.variadic ? { variadic: true } : {}) };
}

/** A JSON value as the text PostgreSQL parses for the parameter's type; JSON arrays become array literals. */
function argumentText(value: unknown, param: FunctionParam): string | null {
  if (value === null || value === undefined) return null;
  if (typeof value === "string") return value;
  if (Array.isArray(value) && param.isArray) return arrayLiteral(value);
  if (typeof value === "object") return JSON.stringify(value);
  return String(value);
}

function arrayLiteral(items: unknown[]): string {
  const element = (item: unknown): string => {
    if (item === null || item === undefined) return "NULL";
    if (Array.isArray(item)) return arrayLiteral(item);
    const text = typeof item === "object" ? JSON.stringify(item) : String(item);
    return `"${text.replace(/\\/g, "\\\\").replace(/"/g, '\\"')}"`;
  };
  return `{${items.map(element).join(",")}}`;
}

/** The result's columns as a table, so select/filters/order are checked exactly as on /<table>. */
function resultShape(fn: FunctionInfo, scope: EmbedScope | undefined): TableInfo | null {
  if (fn.returns.kind !== "composite" || fn.returns.columns === null) return null;
  // A function returning a table's rows is that table for embedding (PostgREST does the same).
  const table = fn.returns.table ? scope?.tables.get(fn.returns.table) : undefined;
  if (table) return table;
  const columns = new Map(
    fn.returns.columns.map((name) => [
      name,
      { name, dataType: "unknown", notNull: false, hasDefault: false, primaryKey: false },
    ]),
  );
  return { schema: fn.schema, name: fn.name, kind: "table", columns };
}

export const methodNotAllowedForRpc = (method: string) =>
  new RestError(405, {
    code: "PGRST101",
    message: "Only GET, HEAD and POST verbs are allowed",
    details: `Got ${method}`,
  });
