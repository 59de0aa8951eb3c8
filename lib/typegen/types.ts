/** A PostgreSQL type as the generator needs it: its name, kind, and for arrays / domains what it stands for. */
export type PgTypeRef = {
  /** pg_type.typname of the (domain-resolved) type, e.g. int8, _text, mood. */
  name: string;
  /** pg_type.typtype: b base, e enum, c composite, d domain (resolved), p pseudo, r range, m multirange. */
  kind: string;
  /** For arrays: the element type's name and kind. */
  element: { name: string; kind: string } | null;
  /** The schema the type lives in (enums and composites of the tenant schema are referenced by name). */
  schema: string;
};

export type ColumnDescription = {
  name: string;
  type: PgTypeRef;
  nullable: boolean;
  hasDefault: boolean;
  /** "" none, "a" GENERATED ALWAYS AS IDENTITY, "d" BY DEFAULT. */
  identity: string;
  /** "" none, "s" a stored generated column. */
  generated: string;
};

export type RelationshipDescription = {
  foreignKeyName: string;
  columns: string[];
  referencedRelation: string;
  referencedColumns: string[];
  isOneToOne: boolean;
};

export type RelationDescription = {
  name: string;
  kind: "table" | "view";
  columns: ColumnDescription[];
  relationships: RelationshipDescription[];
};

export type FunctionDescription = {
  name: string;
  args: { name: string; type: PgTypeRef; hasDefault: boolean }[];
  returns: PgTypeRef;
  returnsSet: boolean;
  /** RETURNS TABLE (…) columns; empty otherwise. */
  tableColumns: { name: string; type: PgTypeRef }[];
};

export type SchemaDescription = {
  schema: string;
  relations: RelationDescription[];
  functions: FunctionDescription[];
  enums: { name: string; values: string[] }[];
};
