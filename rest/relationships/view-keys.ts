import type { ForeignKey, UniqueKey } from "./types";
import type { ColumnOrigin } from "./view-columns";

/** A key's columns located in the catalog: the table's oid and the columns' attnums, in key order. */
export type KeyLocation = { oid: number; attnums: number[] };

/** A view of the schema: its oid, its column names (by attnum) and where each column comes from. */
export type ViewSource = { name: string; oid: number; columns: string[]; origins: ColumnOrigin[] };

export type LocatedForeignKey = ForeignKey & { source: KeyLocation; referenced: KeyLocation };
export type LocatedUniqueKey = UniqueKey & { location: KeyLocation };

/** Views over views are followed this deep (PostgREST follows chains of views too). */
const MAX_CHAIN = 16;

/**
 * The keys views inherit from their base tables, as PostgREST infers them: a view that exposes every column
 * of a foreign key (or of the key it references, or of a primary/unique key) carries that key under its own
 * column names, so embedding works from, to and through views.
 */
export function viewKeys(
  foreignKeys: LocatedForeignKey[],
  uniqueKeys: LocatedUniqueKey[],
  views: ViewSource[],
): { foreignKeys: ForeignKey[]; uniqueKeys: UniqueKey[] } {
  const byOid = new Map(views.map((view) => [view.oid, view]));
  const exposures = views.map((view) => ({ view, columns: baseColumns(view, byOid) }));
  /** The view's column names for a key of a base table, when the view exposes all of it. */
  const expose = (columns: Map<string, string>, location: KeyLocation): string[] | null => {
    const names = location.attnums.map((attnum) => columns.get(`${location.oid}:${attnum}`));
    return names.every((name): name is string => name !== undefined) ? names : null;
  };
  const sides = (location: KeyLocation, table: string, columns: string[]) => [
    { table, columns },
    ...exposures.flatMap(({ view, columns: mapping }) => {
      const names = expose(mapping, location);
      return names ? [{ table: view.name, columns: names }] : [];
    }),
  ];
  const inheritedForeign: ForeignKey[] = [];
  for (const fk of foreignKeys) {
    for (const from of sides(fk.source, fk.table, fk.columns)) {
      for (const to of sides(fk.referenced, fk.referencedTable, fk.referencedColumns)) {
        if (from.table === fk.table && to.table === fk.referencedTable) continue;
        inheritedForeign.push({
          name: fk.name,
          table: from.table,
          columns: from.columns,
          referencedTable: to.table,
          referencedColumns: to.columns,
        });
      }
    }
  }
  const inheritedUnique = uniqueKeys.flatMap((key) =>
    sides(key.location, key.table, key.columns)
      .slice(1)
      .map((side) => ({ table: side.table, columns: side.columns, primary: key.primary })),
  );
  return { foreignKeys: inheritedForeign, uniqueKeys: inheritedUnique };
}

/** `"<table oid>:<attnum>"` of a base table column → the view column exposing it (first one wins). */
function baseColumns(view: ViewSource, byOid: Map<number, ViewSource>): Map<string, string> {
  const mapping = new Map<string, string>();
  for (const origin of view.origins) {
    const name = view.columns[origin.resno - 1];
    if (name === undefined) continue;
    const base = followChain(origin, byOid);
    if (!base) continue;
    const key = `${base.table}:${base.column}`;
    if (!mapping.has(key)) mapping.set(key, name);
  }
  return mapping;
}

/** A column of a view over a view resolves to the underlying view's origin for it, to a base table. */
function followChain(origin: ColumnOrigin, byOid: Map<number, ViewSource>): { table: number; column: number } | null {
  let current = { table: origin.table, column: origin.column };
  for (let step = 0; step < MAX_CHAIN; step++) {
    const inner = byOid.get(current.table);
    if (!inner) return current;
    const next = inner.origins.find((candidate) => candidate.resno === current.column);
    if (!next) return null;
    current = { table: next.table, column: next.column };
  }
  return null;
}
