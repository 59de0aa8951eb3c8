/** A foreign key inside one tenant schema, columns in constraint order. */
export type ForeignKey = {
  name: string;
  table: string;
  columns: string[];
  referencedTable: string;
  referencedColumns: string[];
};

/** A primary key or unique constraint: the column sets that make a foreign key "to-one". */
export type UniqueKey = { table: string; columns: string[]; primary: boolean };

export type Cardinality = "many-to-one" | "one-to-many" | "one-to-one" | "many-to-many";

/** `source.column = target.column` pairs of one join. */
export type ColumnPairs = Array<{ source: string; target: string }>;

/**
 * A way to embed `target` rows into `source` rows, derived from foreign keys as PostgREST derives them. For
 * many-to-many, `junction` holds the join table and both of its foreign keys.
 */
export type Relationship =
  | {
      kind: "direct";
      source: string;
      target: string;
      cardinality: Exclude<Cardinality, "many-to-many">;
      constraint: string;
      /** The table that holds the foreign key (source for many-to-one, target for one-to-many). */
      constraintTable: string;
      columns: ColumnPairs;
    }
  | {
      kind: "junction";
      source: string;
      target: string;
      cardinality: "many-to-many";
      junction: string;
      /** junction column → source column */
      sourceColumns: ColumnPairs;
      /** junction column → target column */
      targetColumns: ColumnPairs;
      sourceConstraint: string;
      targetConstraint: string;
    };
