import type { EngineProject, MigrationSession, MigrationToRun } from "@/lib/engines/types";
import { withAdminTransaction } from "./admin-connection";
import { withOwnerPush, type OwnerPush, type OwnerPushDeps } from "./owner-push";
import { insertHistoryRow, notifySchemaChanged, runTenantFile, toAppliedSql } from "./run-tenant-file";

/**
 * A push's session on one owner-role connection, holding the project's push lock in flux-system for its whole
 * run (owner-push.ts): tenant SQL can neither release nor take that lock, so two pushes of one project never
 * interleave, and the history's unique (owner_role, version) makes a second application of a version fail.
 */
export async function withTenantMigrationSession<T>(
  deps: OwnerPushDeps,
  project: EngineProject,
  work: (session: MigrationSession) => Promise<T>,
): Promise<T> {
  return withOwnerPush(deps, project, (push) => work(sessionOn(push, deps.tenantAdminUrl)));
}

function sessionOn(push: OwnerPush, adminUrl: string): MigrationSession {
  const { client, credentials, rules } = push;
  const runAndRecord = async (file: MigrationToRun, actorUserId: string | null) => {
    await runTenantFile(client, credentials.schema, { name: file.fileName, sql: file.sql }, rules);
    return insertHistoryRow(client, {
      version: file.version,
      name: file.name,
      checksum: file.checksum,
      sql: file.sql,
      actorUserId,
    });
  };
  /** One transaction; an error is reported against the file that was running. */
  const inTransaction = async <T>(
    files: MigrationToRun[],
    work: (current: (file: MigrationToRun) => void) => Promise<T>,
    finish: "commit" | "rollback",
  ): Promise<T> => {
    let running = files[0];
    await client.query("begin");
    try {
      const result = await work((file) => {
        running = file;
      });
      await client.query(finish);
      return result;
    } catch (error) {
      await client.query("rollback").catch(() => undefined);
      throw running ? push.failureOf(error, { name: running.fileName, sql: running.sql }) : error;
    }
  };

  return {
    async history() {
      const { rows } = await client.query<{ version: string; name: string; checksum: string; applied_at: Date }>(
        "select version, name, checksum, applied_at from flux_meta.schema_migrations order by id",
      );
      return rows.map(toAppliedSql);
    },
    apply: (file, actorUserId) =>
      inTransaction(
        [file],
        async () => {
          const applied = await runAndRecord(file, actorUserId);
          await notifySchemaChanged(client, credentials.schema);
          return applied;
        },
        "commit",
      ),
    rehearse: (files, actorUserId) =>
      inTransaction(
        files,
        async (current) => {
          for (const file of files) {
            current(file);
            await runAndRecord(file, actorUserId);
          }
        },
        "rollback",
      ),
    async acceptChangedFile(file) {
      // The owner role may only insert history rows (decision 0002); this bookkeeping update binds every
      // value and touches one row of this tenant, so it runs as the cluster superuser.
      await withAdminTransaction(adminUrl, async (admin) => {
        const result = await admin.query(
          "update flux_meta.schema_migrations set checksum = $1, sql = $2 where owner_role = $3 and version = $4",
          [file.checksum, file.sql, credentials.ownerRole, file.version],
        );
        if (result.rowCount !== 1)
          throw new Error(
            `Migration ${file.version} is not in the history of ${credentials.schema}; nothing was re-recorded.`,
          );
      });
    },
  };
}
