import { quoteIdent } from "@/lib/engines/sql";
import { inRolledBackTransaction } from "./read-only-session";
import { privilegesFor, targetOf } from "./target";
import type { CheckOutcome, DiagnosisContext, WalkState } from "./types";

/**
 * The tenant API role's privileges for the request's verb, as PostgreSQL decides them (has_*_privilege):
 * USAGE on the schema, the table privilege, USAGE on sequences behind serial columns for inserts, EXECUTE for
 * functions. The first missing one is the answer (42501), with the GRANT that fixes it.
 */
export async function checkPrivileges(ctx: DiagnosisContext, state: WalkState): Promise<CheckOutcome> {
  const { schema, role } = ctx.ids;
  const target = targetOf(ctx.request.path);
  const push = `Save the SQL above as grants.sql, then: flux push --project ${ctx.project.slug} --file grants.sql`;
  return inRolledBackTransaction(ctx.tenantAdminUrl, async (client) => {
    const usage = await client.query<{ ok: boolean }>("select has_schema_privilege($1, $2, 'USAGE') as ok", [
      role,
      schema,
    ]);
    if (!usage.rows[0]?.ok) {
      return denied(`privileges: role ${role} has no USAGE on schema ${schema} (42501 permission denied for schema)`, [
        `grant usage on schema ${quoteIdent(schema)} to ${quoteIdent(role)};`,
        push,
      ]);
    }
    const evidence = [`privileges: ${role} has USAGE on schema ${schema}`];
    if (target.kind === "rpc") {
      const exec = await client.query<{ name: string; ok: boolean }>(
        "select p.oid::regprocedure::text as name, has_function_privilege($1, p.oid, 'EXECUTE') as ok from pg_proc p join pg_namespace n on n.oid = p.pronamespace where n.nspname = $2 and p.proname = $3",
        [role, schema, target.name],
      );
      const refused = exec.rows.find((row) => !row.ok);
      if (refused)
        return denied(
          `privileges: ${role} may not EXECUTE ${refused.name} (42501 permission denied for function)`,
          [`grant execute on function ${refused.name} to ${quoteIdent(role)};`, push],
          evidence,
        );
      return { evidence: [...evidence, `privileges: ${role} may EXECUTE ${target.name}`] };
    }
    if (!state.table) return { evidence };
    const qualified = `${quoteIdent(schema)}.${quoteIdent(state.table)}`;
    for (const privilege of privilegesFor(ctx.request.method)) {
      const table = await client.query<{ ok: boolean }>("select has_table_privilege($1, $2, $3) as ok", [
        role,
        qualified,
        privilege,
      ]);
      if (!table.rows[0]?.ok) {
        return denied(
          `privileges: ${role} has no ${privilege} on ${schema}.${state.table} (42501 permission denied for table ${state.table})`,
          [`grant ${privilege.toLowerCase()} on table ${qualified} to ${quoteIdent(role)};`, push],
          evidence,
        );
      }
      evidence.push(`privileges: ${role} has ${privilege} on ${schema}.${state.table}`);
    }
    if (privilegesFor(ctx.request.method).includes("INSERT")) {
      // Sequences owned by serial columns (deptype 'a'); identity columns need no sequence privilege.
      const sequences = await client.query<{ name: string; ok: boolean }>(
        `select s.oid::regclass::text as name, has_sequence_privilege($1, s.oid, 'USAGE') as ok
           from pg_depend d join pg_class s on s.oid = d.objid and s.relkind = 'S'
          where d.refobjid = $2::regclass and d.deptype = 'a'`,
        [role, qualified],
      );
      const refused = sequences.rows.find((row) => !row.ok);
      if (refused) {
        return denied(
          `privileges: ${role} has no USAGE on sequence ${refused.name}, which the insert's serial default calls (42501 permission denied for sequence)`,
          [`grant usage, select on sequence ${refused.name} to ${quoteIdent(role)};`, push],
          evidence,
        );
      }
      if (sequences.rows.length > 0)
        evidence.push(`privileges: ${role} may use the sequences behind ${state.table}'s serial columns`);
    }
    return { evidence };
  });
}

function denied(reason: string, fix: string[], before: string[] = []): CheckOutcome {
  return { evidence: [], refusal: { code: "42501", evidence: [...before, reason], fix } };
}
