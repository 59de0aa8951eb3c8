import type pg from "pg";
import { runRequestTransaction, type Finish, type StatementResult } from "@/rest/execute/run-request-transaction";
import { isPgError } from "@/rest/respond/to-rest-error";
import { RestError, tableNotFound } from "@/rest/respond/rest-error";
import { loadSchema } from "@/rest/schema-cache/load-schema";
import type { TableInfo } from "@/rest/schema-cache/types";
import { buildPreamble } from "@/rest/sql/build-preamble";
import type { Statement } from "@/rest/sql/statement";
import type { RestDeps, TenantRequest } from "./deps";

/** Errors that mean "the catalog may be newer than our cache": worth one reload before answering. */
const STALE_CACHE_CODES = new Set(["PGRST205", "42703", "PGRST204"]);

/**
 * Takes a connection logged in as the tenant's role, plans against that tenant's schema cache (reloading it
 * once if the request names something it lacks) and runs the statement in the request transaction.
 */
export async function executeForTenant<P>(
  deps: RestDeps,
  request: TenantRequest,
  tableName: string,
  plan: (table: TableInfo) => P,
  build: (planned: P) => Statement,
  finish: Finish = "commit",
): Promise<{ planned: P; result: StatementResult }> {
  const client = await deps.pools.connect(request.identity.role);
  let planned: P;
  try {
    planned = await planWithFreshCache(deps, client, request.identity.schema, tableName, plan);
  } catch (error) {
    // A planning refusal leaves the connection untouched; anything else may have broken it.
    client.release(error instanceof RestError || isPgError(error) ? undefined : true);
    throw error;
  }
  const result = await runRequestTransaction(client, buildPreamble(request.context), build(planned), { finish });
  return { planned, result };
}

async function planWithFreshCache<P>(
  deps: RestDeps,
  client: pg.PoolClient,
  schema: string,
  tableName: string,
  plan: (table: TableInfo) => P,
): Promise<P> {
  const load = () => loadSchema(client, schema);
  const attempt = (tables: Map<string, TableInfo>) => {
    const table = tables.get(tableName);
    if (!table) throw tableNotFound(schema, tableName);
    return plan(table);
  };
  const snapshot = await deps.schemas.get(schema, load);
  try {
    return attempt(snapshot.tables);
  } catch (error) {
    if (!(error instanceof RestError) || !STALE_CACHE_CODES.has(error.code)) throw error;
    const reloaded = deps.schemas.reloadAfterMiss(schema, load);
    if (!reloaded) throw error;
    return attempt((await reloaded).tables);
  }
}
