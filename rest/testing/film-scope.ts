import { deriveRelationships } from "@/rest/relationships/derive-relationships";
import type { ColumnInfo, SchemaSnapshot, TableInfo } from "@/rest/schema-cache/types";

/** PostgREST's film fixtures as a schema snapshot, for planner and SQL unit tests of embedding. */
const definitions: Record<string, string[]> = {
  directors: ["id", "first_name", "last_name"],
  films: ["id", "director_id", "title", "year"],
  actors: ["id", "first_name", "last_name"],
  roles: ["film_id", "actor_id", "character"],
  technical_specs: ["film_id", "runtime"],
};

function table(name: string, columns: string[]): TableInfo {
  const info = (column: string): ColumnInfo => ({
    name: column,
    dataType: "text",
    notNull: false,
    hasDefault: false,
    primaryKey: false,
  });
  return { schema: "api", name, kind: "table", columns: new Map(columns.map((column) => [column, info(column)])) };
}

export const filmScope: Pick<SchemaSnapshot, "schema" | "tables" | "relationships"> = {
  schema: "api",
  tables: new Map(Object.entries(definitions).map(([name, columns]) => [name, table(name, columns)])),
  relationships: deriveRelationships(
    [
      {
        name: "films_director_id_fkey",
        table: "films",
        columns: ["director_id"],
        referencedTable: "directors",
        referencedColumns: ["id"],
      },
      {
        name: "roles_film_id_fkey",
        table: "roles",
        columns: ["film_id"],
        referencedTable: "films",
        referencedColumns: ["id"],
      },
      {
        name: "roles_actor_id_fkey",
        table: "roles",
        columns: ["actor_id"],
        referencedTable: "actors",
        referencedColumns: ["id"],
      },
      {
        name: "technical_specs_film_id_fkey",
        table: "technical_specs",
        columns: ["film_id"],
        referencedTable: "films",
        referencedColumns: ["id"],
      },
    ],
    [
      { table: "directors", columns: ["id"], primary: true },
      { table: "films", columns: ["id"], primary: true },
      { table: "actors", columns: ["id"], primary: true },
      { table: "roles", columns: ["film_id", "actor_id"], primary: true },
      { table: "technical_specs", columns: ["film_id"], primary: true },
    ],
  ),
};

export const filmTable = (name: string): TableInfo => {
  const found = filmScope.tables.get(name);
  if (!found) throw new Error(`no fixture table ${name}`);
  return found;
};
