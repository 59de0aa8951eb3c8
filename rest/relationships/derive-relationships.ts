import type { ColumnPairs, ForeignKey, Relationship, UniqueKey } from "./types";

const sameSet = (a: string[], b: string[]) => a.length === b.length && a.every((column) => b.includes(column));

/**
 * Every relationship of a schema, the way PostgREST detects them: each foreign key gives a many-to-one (or
 * one-to-one when its columns are a primary key or unique) and the inverse one-to-many (or one-to-one); a table
 * whose primary key contains two foreign keys' columns joins their tables many-to-many.
 */
export function deriveRelationships(foreignKeys: ForeignKey[], uniqueKeys: UniqueKey[]): Relationship[] {
  const relationships: Relationship[] = [];
  for (const fk of foreignKeys) {
    const toOne = uniqueKeys.some((key) => key.table === fk.table && sameSet(key.columns, fk.columns));
    const pairs: ColumnPairs = fk.columns.map((column, index) => ({
      source: column,
      target: fk.referencedColumns[index] ?? column,
    }));
    relationships.push({
      kind: "direct",
      source: fk.table,
      target: fk.referencedTable,
      cardinality: toOne ? "one-to-one" : "many-to-one",
      constraint: fk.name,
      constraintTable: fk.table,
      columns: pairs,
    });
    relationships.push({
      kind: "direct",
      source: fk.referencedTable,
      target: fk.table,
      cardinality: toOne ? "one-to-one" : "one-to-many",
      constraint: fk.name,
      constraintTable: fk.table,
      columns: pairs.map(({ source, target }) => ({ source: target, target: source })),
    });
  }
  relationships.push(...junctionRelationships(foreignKeys, uniqueKeys));
  return relationships;
}

function junctionRelationships(foreignKeys: ForeignKey[], uniqueKeys: UniqueKey[]): Relationship[] {
  const found: Relationship[] = [];
  for (const primary of uniqueKeys.filter((key) => key.primary)) {
    const inKey = foreignKeys.filter(
      (fk) => fk.table === primary.table && fk.columns.every((c) => primary.columns.includes(c)),
    );
    for (const left of inKey) {
      for (const right of inKey) {
        if (left === right) continue;
        found.push({
          kind: "junction",
          source: left.referencedTable,
          target: right.referencedTable,
          cardinality: "many-to-many",
          junction: primary.table,
          sourceColumns: left.columns.map((column, i) => ({
            source: column,
            target: left.referencedColumns[i] ?? column,
          })),
          targetColumns: right.columns.map((column, i) => ({
            source: column,
            target: right.referencedColumns[i] ?? column,
          })),
          sourceConstraint: left.name,
          targetConstraint: right.name,
        });
      }
    }
  }
  return found;
}
