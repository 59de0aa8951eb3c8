import type { Queryable } from "./load-schema";
import type { FunctionInfo, FunctionParam, FunctionReturn } from "./types";

type ArgRow = { name: string; type: string; mode: string; is_array: boolean };

type FunctionRow = {
  name: string;
  volatility: string;
  returns_set: boolean;
  return_type: string;
  return_typtype: string;
  return_columns: string[] | null;
  return_table: string | null;
  input_defaults: number;
  args: ArgRow[];
};

// Plain functions only (prokind 'f'): procedures, aggregates and window functions are not callable over HTTP.
// Arguments are listed with their modes so OUT/TABLE columns and IN parameters come from one place.
const FUNCTIONS_QUERY = `
select p.proname as name, p.provolatile::text as volatility, p.proretset as returns_set,
       pg_catalog.format_type(p.prorettype, null) as return_type, t.typtype::text as return_typtype,
       (select array_agg(a.attname::text order by a.attnum) from pg_catalog.pg_attribute a
         where t.typrelid <> 0 and a.attrelid = t.typrelid and a.attnum > 0 and not a.attisdropped) as return_columns,
       (select c.relname from pg_catalog.pg_class c
         where c.oid = t.typrelid and c.relnamespace = n.oid and c.relkind in ('r', 'v', 'm', 'f', 'p')) as return_table,
       p.pronargdefaults as input_defaults,
       coalesce((
         select json_agg(json_build_object(
                  'name', coalesce(p.proargnames[i], ''),
                  'type', pg_catalog.format_type(at.oid, null),
                  'mode', coalesce(p.proargmodes[i]::text, 'i'),
                  'is_array', at.typcategory = 'A') order by i)
           from generate_series(1, coalesce(array_length(p.proallargtypes, 1), p.pronargs)) as i
           join pg_catalog.pg_type at on at.oid = coalesce(p.proallargtypes[i], p.proargtypes[i - 1])
       ), '[]') as args
  from pg_catalog.pg_proc p
  join pg_catalog.pg_namespace n on n.oid = p.pronamespace
  join pg_catalog.pg_type t on t.oid = p.prorettype
 where n.nspname = $1 and p.prokind = 'f'
 order by p.proname, p.oid`;

const INPUT_MODES = new Set(["i", "b", "v"]);
const OUTPUT_MODES = new Set(["o", "b", "t"]);
const VOLATILITY: Readonly<Record<string, FunctionInfo["volatility"]>> = { i: "immutable", s: "stable", v: "volatile" };

/** The functions of one schema, grouped by name (overloads share a name), for /rpc. */
export async function loadFunctions(db: Queryable, schema: string): Promise<Map<string, FunctionInfo[]>> {
  const { rows } = await db.query<FunctionRow>(FUNCTIONS_QUERY, [schema]);
  const functions = new Map<string, FunctionInfo[]>();
  for (const row of rows) {
    const info: FunctionInfo = {
      schema,
      name: row.name,
      params: inputParams(row),
      returns: returnOf(row),
      returnsSet: row.returns_set,
      volatility: VOLATILITY[row.volatility] ?? "volatile",
    };
    const overloads = functions.get(row.name);
    if (overloads) overloads.push(info);
    else functions.set(row.name, [info]);
  }
  return functions;
}

function inputParams(row: FunctionRow): FunctionParam[] {
  const inputs = row.args.filter((arg) => INPUT_MODES.has(arg.mode));
  // PostgreSQL stores only how many trailing inputs have defaults.
  const firstOptional = inputs.length - row.input_defaults;
  return inputs.map((arg, index) => ({
    name: arg.name,
    type: arg.type,
    required: index < firstOptional,
    isArray: arg.is_array,
    variadic: arg.mode === "v",
  }));
}

function returnOf(row: FunctionRow): FunctionReturn {
  const outputs = row.args.filter((arg) => OUTPUT_MODES.has(arg.mode));
  if (outputs.length > 0) return { kind: "composite", columns: outputs.map((arg) => arg.name) };
  if (row.return_type === "void") return { kind: "void" };
  if (row.return_typtype === "c")
    return { kind: "composite", columns: row.return_columns ?? [], table: row.return_table };
  if (row.return_type === "record") return { kind: "composite", columns: null };
  return { kind: "scalar", type: row.return_type };
}
