import type pg from "pg";
import { runRequestTransaction, type Finish, type StatementResult } from "@/rest/execute/run-request-transaction";
import { isPgError } from "@/rest/respond/to-rest-error";
import { RestError, tableNotFound } from "@/rest/respond/rest-error";
import { loadSchema } from "@/rest/schema-cache/load-schema";
import type { SchemaSnapshot, TableInfo } from "@/rest/schema-cache/types";
import { buildPreamble } from "@/rest/sql/build-preamble";
import { preRequestCall } from "@/rest/sql/pre-request";
import type { Statement } from "@/rest/sql/statement";
import type { RestDeps, TenantRequest } from "./deps";

/** Errors that mean "the catalog may be newer than our cache": worth one reload before answering. */
const STALE_CACHE_CODES = new Set(["PGRST205", "42703", "PGRST204", "PGRST202"]);

/** Plans a request against a table of the tenant's schema and runs it (see executeAgainstSchema). */
export function executeForTenant<P>(
  deps: RestDeps,
  request: TenantRequest,
  tableName: string,
  plan: (table: TableInfo, snapshot: SchemaSnapshot) => P,
  build: (planned: P) => Statement,
  finish: Finish = "commit",
): Promise<{ planned: P; result: StatementResult }> {
  const onTable = (snapshot: SchemaSnapshot) => {
    const table = snapshot.tables.get(tableName);
    if (!table) throw tableNotFound(snapshot.schema, tableName);
    return plan(table, snapshot);
  };
  const reading = request.context.method === "GET" || request.context.method === "HEAD";
  return executeAgainstSchema(deps, request, onTable, build, () => reading, finish);
}

/**
 * Takes a connection logged in as the tenant's role, plans against that tenant's schema cache (reloading it
 * once if the request names something it lacks) and runs the statement in the request transaction, after
 * the tenant's pre-request function when it has one.
 */
export async function executeAgainstSchema<P>(
  deps: RestDeps,
  request: TenantRequest,
  plan: (snapshot: SchemaSnapshot) => P,
  build: (planned: P) => Statement,
  readOnly: (planned: P) => boolean,
  finish: Finish = "commit",
): Promise<{ planned: P; result: StatementResult }> {
  const client = await deps.pools.connect(request.identity.role);
  let planned: { value: P; snapshot: SchemaSnapshot };
  try {
    planned = await planWithFreshCache(deps, client, request.identity.schema, plan);
  } catch (error) {
    // A planning refusal leaves the connection untouched; anything else may have broken it.
    client.release(error instanceof RestError || isPgError(error) ? undefined : true);
    throw error;
  }
  const result = await runRequestTransaction(client, buildPreamble(request.context), build(planned.value), {
    readOnly: readOnly(planned.value),
    preRequest: preRequestCall(planned.snapshot),
    finish,
    deadlineMs: request.context.statementTimeoutMs + deps.deadlineMarginMs,
  });
  request.sqlResponse = result.response;
  return { planned: planned.value, result };
}

async function planWithFreshCache<P>(
  deps: RestDeps,
  client: pg.PoolClient,
  schema: string,
  plan: (snapshot: SchemaSnapshot) => P,
): Promise<{ value: P; snapshot: SchemaSnapshot }> {
  const load = () => loadSchema(client, schema);
  const snapshot = await deps.schemas.get(schema, load);
  try {
    return { value: plan(snapshot), snapshot };
  } catch (error) {
    if (!(error instanceof RestError) || !STALE_CACHE_CODES.has(error.code)) throw error;
    const reloaded = deps.schemas.reloadAfterMiss(schema, load);
    if (!reloaded) throw error;
    const fresh = await reloaded;
    return { value: plan(fresh), snapshot: fresh };
  }
}
