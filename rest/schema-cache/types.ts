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

/** Everything the API knows about one tenant schema, loaded at once and replaced as a whole on reload. */
export type SchemaSnapshot = { schema: string; tables: Map<string, TableInfo>; loadedAt: number };
