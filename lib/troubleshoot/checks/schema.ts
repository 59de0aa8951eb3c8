import { quoteIdent } from "@/lib/engines/sql";
import { inRolledBackTransaction } from "./read-only-session";
import { probeDataApi } from "./schema-cache-probe";
import { targetOf } from "./target";
import type { CheckOutcome, DiagnosisContext, WalkState } from "./types";

const TENANT_SCHEMA = /^t_[0-9a-f]{12}_api$/;

/**
 * Does the addressed table (or function) exist in the tenant schema — or in `public`, or in another non-tenant
 * schema by mistake — and does the data API's schema cache know it? Other tenants' schemas are never named.
 */
export async function checkSchema(ctx: DiagnosisContext, state: WalkState): Promise<CheckOutcome> {
  const target = targetOf(ctx.request.path);
  const schema = ctx.ids.schema;
  if (target.kind === "root")
    return { evidence: ["schema: the request addresses the OpenAPI root; no table to check"] };
  if (target.kind === "other")
    return { evidence: [`schema: '${target.path}' is not a table or /rpc/<function> path; table checks skipped`] };
  const isRpc = target.kind === "rpc";
  const found = await inRolledBackTransaction(ctx.tenantAdminUrl, async (client) => {
    const sql = isRpc
      ? "select n.nspname as schema, p.proname as name from pg_proc p join pg_namespace n on n.oid = p.pronamespace where lower(p.proname) = lower($1)"
      : "select n.nspname as schema, c.relname as name from pg_class c join pg_namespace n on n.oid = c.relnamespace where lower(c.relname) = lower($1) and c.relkind in ('r','v','m','f','p')";
    return (await client.query<{ schema: string; name: string }>(sql, [target.name])).rows;
  });
  const kind = isRpc ? "function" : "table";
  const exact = found.find((row) => row.schema === schema && row.name === target.name);
  const fixPush = `Save the SQL above as fix.sql, then: flux push --project ${ctx.project.slug} --file fix.sql`;
  if (!exact) {
    const otherCase = found.find((row) => row.schema === schema);
    if (otherCase) {
      return refusal(
        isRpc ? "PGRST202" : "PGRST205",
        `schema: no ${kind} '${target.name}' in ${schema}, but '${otherCase.name}' exists (names are case-sensitive)`,
        [`Request /${isRpc ? "rpc/" : ""}${otherCase.name} instead`],
      );
    }
    const misplaced = found.find(
      (row) =>
        !TENANT_SCHEMA.test(row.schema) &&
        !["pg_catalog", "information_schema", "auth", "flux_meta"].includes(row.schema),
    );
    if (misplaced && !isRpc) {
      return refusal(
        "FLUX-DIAG-TABLE-IN-PUBLIC",
        `schema: ${kind} '${target.name}' exists in schema '${misplaced.schema}', not in ${schema}, the only schema the data API reads for this project (it answers 404 PGRST205)`,
        [
          `alter table ${quoteIdent(misplaced.schema)}.${quoteIdent(target.name)} set schema ${quoteIdent(schema)};   -- as the table's owner or a superuser`,
          `In migrations, qualify the schema: create table if not exists ${quoteIdent(schema)}.${quoteIdent(target.name)} (...);`,
        ],
      );
    }
    return refusal(
      isRpc ? "PGRST202" : "PGRST205",
      `schema: no ${kind} '${target.name}' in ${schema}${misplaced ? ` (one exists in '${misplaced.schema}')` : ""}`,
      [
        isRpc
          ? `create function ${quoteIdent(schema)}.${quoteIdent(target.name)}(...) ...;`
          : `create table ${quoteIdent(schema)}.${quoteIdent(target.name)} (id bigint generated always as identity primary key, ...);`,
        fixPush,
      ],
    );
  }
  state.table = isRpc ? null : target.name;
  const evidence = [`schema: ${kind} ${schema}.${target.name} exists`];
  if (isRpc) return { evidence };
  const answer = await probeDataApi(ctx, target.name, state.claims ?? {});
  if ("unreachable" in answer)
    return {
      evidence: [...evidence, `schema: could not ask the data API about its schema cache (${answer.unreachable})`],
    };
  if (answer.status === 404 && answer.code === "PGRST205") {
    return refusal(
      "FLUX-DIAG-SCHEMA-CACHE-STALE",
      `schema: ${schema}.${target.name} exists, but the data API's schema cache does not know it (it answers 404 PGRST205): the change was applied without NOTIFY pgrst`,
      [
        `notify pgrst, 'reload schema';`,
        `${fixPush}   -- flux push always sends this notification; hand-applied SQL does not`,
      ],
      evidence,
    );
  }
  return {
    evidence: [
      ...evidence,
      `schema: the data API's schema cache knows ${target.name} (probe answered ${answer.status}${answer.code ? ` ${answer.code}` : ""})`,
    ],
  };
}

function refusal(code: string, reason: string, fix: string[], before: string[] = []): CheckOutcome {
  return { evidence: [], refusal: { code, evidence: [...before, reason], fix } };
}
