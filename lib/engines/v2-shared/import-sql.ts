import { createHash } from "node:crypto";
import pg from "pg";
import type { AppliedSql, AppliedSqlDetail, EngineProject, TenantCredentials } from "@/lib/engines/types";
import { withOwnerPush, type OwnerPushDeps } from "./owner-push";
import { insertHistoryRow, notifySchemaChanged, runTenantFile } from "./run-tenant-file";

export type ImportSqlInput = { name: string; sql: string; actorUserId: string | null };

/**
 * Runs one piece of tenant SQL with the next free version (fixtures, tools and the legacy single-file push),
 * logged in as the tenant's owner role (never a superuser with SET ROLE, which `RESET ROLE` would undo), in
 * one transaction with its history row. The owner can create objects only in the schema it owns.
 * `flux push` of versioned files goes through a migration session instead (migration-session.ts).
 */
export async function importTenantSql(
  deps: OwnerPushDeps,
  project: EngineProject,
  input: ImportSqlInput,
): Promise<AppliedSql> {
  return withOwnerPush(deps, project, async ({ client, credentials, rules, failureOf }) => {
    const file = { name: input.name, sql: input.sql };
    try {
      await client.query("begin");
      await runTenantFile(client, credentials.schema, file, rules);
      // Read under the push lock, so concurrent imports of one tenant get consecutive versions.
      const last = await client.query<{ last: string | null }>(
        "select pg_catalog.max(version::numeric)::text as last from flux_meta.schema_migrations where version ~ '^[0-9]{1,15}$'",
      );
      const version = String(Number(last.rows[0]?.last ?? 0) + 1).padStart(4, "0");
      const checksum = createHash("sha256").update(input.sql, "utf8").digest("hex");
      const applied = await insertHistoryRow(client, {
        version,
        name: input.name,
        checksum,
        sql: input.sql,
        actorUserId: input.actorUserId,
      });
      await notifySchemaChanged(client, credentials.schema);
      await client.query("commit");
      return applied;
    } catch (error) {
      await client.query("rollback").catch(() => undefined);
      throw failureOf(error, file);
    }
  });
}

type DetailRow = {
  version: string;
  name: string;
  checksum: string;
  applied_at: Date;
  actor_user_id: string | null;
  sql: string;
};

/** The tenant's history, oldest version first, with the SQL of each file. */
export async function listTenantSql(credentials: TenantCredentials): Promise<AppliedSqlDetail[]> {
  const client = ownerClient(credentials);
  await client.connect();
  try {
    // Forced RLS returns only this owner role's rows.
    const { rows } = await client.query<DetailRow>(
      `select version, name, checksum, applied_at, actor_user_id, sql from flux_meta.schema_migrations
        order by case when version ~ '^[0-9]{1,15}$' then version::numeric end, version, id`,
    );
    return rows.map((row) => ({
      version: row.version,
      name: row.name,
      checksum: row.checksum,
      appliedAt: row.applied_at,
      actorUserId: row.actor_user_id,
      sql: row.sql,
    }));
  } finally {
    await client.end();
  }
}

export function ownerClient(credentials: TenantCredentials): pg.Client {
  return new pg.Client({ connectionString: credentials.ownerDatabaseUrl, application_name: "flux-migrate" });
}
