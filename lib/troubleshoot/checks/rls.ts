import { quoteIdent, quoteLiteral } from "@/lib/engines/sql";
import { inRolledBackTransaction } from "./read-only-session";
import { isUuid, likelyOwnerColumn, readRlsFacts, readsIdentity, uuidOwnerColumns, type RlsFacts } from "./rls-catalog";
import { REPLAY_ROW_CAP, replayRead } from "./rls-replay";
import { commandFor } from "./target";
import type { CheckOutcome, DiagnosisContext, WalkState } from "./types";

/**
 * Row-level security for the request's command: enabled or not, the policies that apply to the tenant role,
 * the owner column's type against the token's `sub`, and for reads a replay that says how many rows RLS hides.
 */
export async function checkRls(ctx: DiagnosisContext, state: WalkState): Promise<CheckOutcome> {
  const table = state.table;
  if (!table) return { evidence: [] };
  const { schema, role } = ctx.ids;
  const command = commandFor(ctx.request.method);
  const facts = await inRolledBackTransaction(ctx.tenantAdminUrl, (client) =>
    readRlsFacts(client, { schema, table, role, command }),
  );
  if (!facts) return { evidence: [] };
  if (!facts.enabled)
    return {
      evidence: [`rls: row-level security is off on ${schema}.${table}: every row the role may read is served`],
    };
  const qualified = `${quoteIdent(schema)}.${quoteIdent(table)}`;
  const push = `Save the SQL above as policy.sql, then: flux push --project ${ctx.project.slug} --file policy.sql`;
  const owner = likelyOwnerColumn(facts);
  if (facts.policies.length === 0) {
    return refuse(
      "FLUX-DIAG-RLS-NO-POLICY",
      [
        `rls: row-level security is on for ${schema}.${table} but no policy applies to ${command} for role ${role}: every row is hidden${command === "SELECT" ? " (an empty array)" : " (the write is refused, 42501 new row violates row-level security policy)"}`,
      ],
      [
        `create policy ${quoteIdent(`${table}_${command.toLowerCase()}_own_rows`)} on ${qualified} for ${command.toLowerCase()} to ${quoteIdent(role)} ${command === "INSERT" ? "with check" : "using"} (${owner === "<owner column>" ? owner : quoteIdent(owner)} = auth.uid());`,
        push,
      ],
    );
  }
  const claims = state.claims ?? {};
  const evidence = [
    `rls: on for ${schema}.${table}; policies for ${command}: ${facts.policies.map((policy) => policy.name).join(", ")}`,
  ];
  const mismatch = ownerTypeMismatch(facts, claims, qualified, push);
  if (command !== "SELECT")
    return mismatch ? refuse(mismatch.code, [...evidence, ...mismatch.evidence], mismatch.fix) : { evidence };
  let replay: { visible: number; total: number };
  try {
    replay = await replayRead(ctx, table, claims);
  } catch (error) {
    return {
      evidence: [
        ...evidence,
        `rls: the replay as ${role} could not run (${error instanceof Error ? error.message : String(error)})`,
      ],
    };
  }
  const capped = replay.total >= REPLAY_ROW_CAP ? ` (counted up to ${REPLAY_ROW_CAP})` : "";
  const line = `rls: replayed the read as ${role} with the token's claims in a rolled-back transaction: RLS filtered ${replay.total - replay.visible} of ${replay.total} rows${capped}`;
  if (replay.total === 0 || replay.visible > 0) return { evidence: [...evidence, line] };
  if (mismatch) return refuse(mismatch.code, [...evidence, line, ...mismatch.evidence], mismatch.fix);
  const usesIdentity = facts.policies.some((policy) => readsIdentity(policy.using));
  if (usesIdentity && typeof claims.sub !== "string") {
    return refuse(
      "FLUX-DIAG-RLS-NO-SUB",
      [...evidence, line, "rls: the policies read the caller's identity (auth.uid()), but the token has no sub claim"],
      [`flux token create --project ${ctx.project.slug} --sub <user id>`, "Make your issuer put the user's id in sub"],
    );
  }
  return refuse(
    "FLUX-DIAG-RLS-FILTERED-ALL",
    [
      ...evidence,
      line,
      `rls: no row satisfies ${facts.policies.map((policy) => `${policy.name}: ${policy.using ?? "true"}`).join("; ")}`,
    ],
    [
      `select ${owner === "<owner column>" ? "*" : quoteIdent(owner)} from ${qualified} limit 5;   -- compare with the token's sub${typeof claims.sub === "string" ? ` (${quoteLiteral(claims.sub)})` : ""}`,
      "Sign the token with the sub of a user who owns rows, or insert rows owned by this sub",
    ],
  );
}

function ownerTypeMismatch(facts: RlsFacts, claims: Record<string, unknown>, qualified: string, push: string) {
  const columns = uuidOwnerColumns(facts);
  if (columns.length === 0 || typeof claims.sub !== "string" || isUuid(claims.sub)) return null;
  const column = columns[0] ?? "owner_id";
  return {
    code: "FLUX-DIAG-OWNER-UUID-SUB-TEXT",
    evidence: [
      `rls: owner column '${column}' is uuid, but the token's sub is a text id that is not a uuid: the policy's comparison never matches (or fails casting)`,
    ],
    fix: [
      // PostgreSQL refuses to change the type of a column a policy uses, so the policies go first.
      ...facts.policies.map((policy) => `drop policy ${quoteIdent(policy.name)} on ${qualified};`),
      `alter table ${qualified} alter column ${quoteIdent(column)} type text using ${quoteIdent(column)}::text;`,
      `-- then re-create ${facts.policies.map((policy) => policy.name).join(", ")} comparing ${column} = auth.uid()`,
      `-- or keep uuid and compare as text in the policy: using (${quoteIdent(column)}::text = auth.uid())`,
      push,
    ],
  };
}

function refuse(code: string, evidence: string[], fix: string[]): CheckOutcome {
  return { evidence: [], refusal: { code, evidence, fix } };
}
