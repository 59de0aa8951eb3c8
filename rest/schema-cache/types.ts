import type { Relationship } from "@/rest/relationships/types";

export type ColumnInfo = {
  name: string;
  /** format_type() of the column, e.g. `text`, `timestamp with time zone`, `character varying(40)`. */
  dataType: string;
  notNull: boolean;
  hasDefault: boolean;
  primaryKey: boolean;
};

export type TableInfo = {
  schema: string;
  name: string;
  kind: "table" | "view" | "materialized_view" | "foreign_table" | "partitioned_table";
  /** Columns in declaration order (Map keeps insertion order). */
  columns: Map<string, ColumnInfo>;
};

/** One input parameter of a function (IN, INOUT or VARIADIC), in call order. */
export type FunctionParam = {
  /** Empty for an unnamed parameter (`create function f(json)`). */
  name: string;
  /** format_type() of the parameter, for messages only: it is never spliced into SQL. */
  type: string;
  /** False when the parameter has a default and may be omitted. */
  required: boolean;
  /** An array type: a JSON array argument is converted to a PostgreSQL array literal. */
  isArray: boolean;
  /** VARIADIC: GET repeats the key (`?v=a&v=b`), POST sends a JSON array; bound as `VARIADIC "v" => $n`. */
  variadic?: boolean;
};

/** What a function hands back, which decides the reply's shape (scalar, object, array or 204). */
export type FunctionReturn =
  | { kind: "void" }
  | { kind: "scalar"; type: string }
  /** A table row type, `returns table(...)` or OUT parameters; `columns` is null for a bare `record`. */
  /** `table`: the schema's table or view whose row type it returns, whose relationships its rows embed by. */
  | { kind: "composite"; columns: string[] | null; table?: string | null };

export type FunctionInfo = {
  schema: string;
  name: string;
  params: FunctionParam[];
  returns: FunctionReturn;
  returnsSet: boolean;
  volatility: "immutable" | "stable" | "volatile";
};

/** Everything the API knows about one tenant schema, loaded at once and replaced as a whole on reload. */
export type SchemaSnapshot = {
  schema: string;
  tables: Map<string, TableInfo>;
  /** Functions callable under /rpc, by name; overloads share a name. */
  functions: Map<string, FunctionInfo[]>;
  /** Embeddable relationships derived from the schema's foreign keys (rest/relationships). */
  relationships: Relationship[];
  loadedAt: number;
};
